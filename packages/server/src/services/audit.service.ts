import { type AuditEntry, type AuditQuery, queryAudit } from '@plantrack/db';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { canReadAudit } from '../policies/audit.policy.js';
import { enforce } from '../policies/policy.js';

export async function audit(ctx: AppContext, p: Principal, query: AuditQuery): Promise<AuditEntry[]> {
  enforce(p, canReadAudit(p));
  return queryAudit(ctx.db, query);
}
