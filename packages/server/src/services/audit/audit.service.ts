import { type AuditEntry, type AuditQuery, auditActorIds, peopleLabels, queryAudit } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { canReadAudit } from '../../policies/audit.policy.js';
import { enforce } from '../../policies/policy.js';
import { withActorNames } from '../organisation/people-labels.js';

/** Audit rows with the actor's name and department beside the stored id. */
export type AuditEntryDto = AuditEntry & { actorName: string | null; actorDepartment: string | null };

export async function audit(ctx: AppContext, p: Principal, query: AuditQuery): Promise<AuditEntryDto[]> {
  enforce(p, canReadAudit(p));
  return withActorNames(ctx, await queryAudit(ctx.db, query));
}

/** Everyone in the audit log with name and department, named people first by name (the person filter). */
export async function auditActors(
  ctx: AppContext,
  p: Principal,
): Promise<{ id: string; name: string | null; departmentName: string | null }[]> {
  enforce(p, canReadAudit(p));
  const ids = await auditActorIds(ctx.db);
  const labels = await peopleLabels(ctx.db, ids);
  return ids
    .map((id) => ({
      id,
      name: labels.get(id)?.displayName ?? null,
      departmentName: labels.get(id)?.departmentName ?? null,
    }))
    .sort((a, b) => (a.name ?? '\uffff' + a.id).localeCompare(b.name ?? '\uffff' + b.id, 'zh'));
}
