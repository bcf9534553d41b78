import { type AuditEntry, type AuditQuery, queryAudit } from '@plantrack/db';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { canReadAudit } from '../policies/audit.policy.js';
import { enforce } from '../policies/policy.js';
import { withActorNames } from './organisation/people-labels.js';

/** Audit rows with the actor's name and department beside the stored id. */
export type AuditEntryDto = AuditEntry & { actorName: string | null; actorDepartment: string | null };

export async function audit(ctx: AppContext, p: Principal, query: AuditQuery): Promise<AuditEntryDto[]> {
  enforce(p, canReadAudit(p));
  return withActorNames(ctx, await queryAudit(ctx.db, query));
}
