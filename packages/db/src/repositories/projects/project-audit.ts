import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { appendAudit } from '../audit/audit.repository.js';

/**
 * Appends the audit record of a change to a project (entity `project`), in the caller's
 * transaction so the record exists exactly when the change does; the plan is the project's.
 */
export async function auditProject(
  trx: Kysely<Database>,
  input: { actor: string; action: string; projectId: string; detail?: unknown },
): Promise<void> {
  const row = await trx
    .selectFrom('projects')
    .select('plan_id')
    .where('id', '=', input.projectId)
    .executeTakeFirst();
  await appendAudit(trx, {
    actor: input.actor,
    action: `project.${input.action}`,
    entity: 'project',
    entityId: input.projectId,
    planId: row?.plan_id ?? null,
    detail: input.detail ?? null,
  });
}
