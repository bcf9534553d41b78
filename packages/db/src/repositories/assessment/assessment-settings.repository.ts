import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { isUniqueViolation } from '../../support/db-errors.js';
import { writeTransaction } from '../../support/dialect.js';
import { nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';

/** A plan's stored assessment thresholds (validated by the caller before they are stored). */
export type AssessmentSettingsRow = {
  planId: string;
  thresholds: unknown;
  revisionNo: number;
  updatedAt: string;
  updatedBy: string;
};

/** The plan's thresholds, or undefined when the office has not set any (the defaults apply). */
export async function getAssessmentSettings(
  db: Kysely<Database>,
  planId: string,
): Promise<AssessmentSettingsRow | undefined> {
  const row = await db
    .selectFrom('assessment_settings')
    .selectAll()
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    planId: row.plan_id,
    thresholds: JSON.parse(row.thresholds_json) as unknown,
    revisionNo: row.revision_no,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * Stores the plan's thresholds. `expectedRevision` is the revision the editor started from (0 for
 * none), so two offices editing at once do not silently overwrite each other. The previous and
 * new sets are written to the audit log in the same transaction.
 */
export async function putAssessmentSettings(
  db: Kysely<Database>,
  input: { planId: string; thresholds: unknown; expectedRevision: number; actor: string },
): Promise<AssessmentSettingsRow> {
  try {
    return await writeTransaction(db, (trx) => putInTransaction(trx, input));
  } catch (error) {
    // Two first-time writers racing: the loser's insert hits the primary key.
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError('stale-revision', {
      zh: '评估阈值刚被他人设置，请刷新后重试。',
      en: 'The thresholds were just set by someone else; reload and try again.',
    });
  }
}

async function putInTransaction(
  trx: Kysely<Database>,
  input: { planId: string; thresholds: unknown; expectedRevision: number; actor: string },
): Promise<AssessmentSettingsRow> {
  const plan = await trx.selectFrom('plans').select('id').where('id', '=', input.planId).executeTakeFirst();
  if (plan === undefined) {
    throw new NotFoundError({ zh: `规划不存在：${input.planId}`, en: `No such plan: ${input.planId}` });
  }
  const before = await getAssessmentSettings(trx, input.planId);
  const current = before?.revisionNo ?? 0;
  if (current !== input.expectedRevision) {
    throw new ConflictError(
      'stale-revision',
      {
        zh: `评估阈值已被修改（当前第${current}版），请刷新后重试。`,
        en: `The thresholds were changed meanwhile (now revision ${current}); reload and try again.`,
      },
      current,
    );
  }
  const row: AssessmentSettingsRow = {
    planId: input.planId,
    thresholds: input.thresholds,
    revisionNo: current + 1,
    updatedAt: nowIso(),
    updatedBy: input.actor,
  };
  const values = {
    thresholds_json: JSON.stringify(input.thresholds),
    revision_no: row.revisionNo,
    updated_at: row.updatedAt,
    updated_by: row.updatedBy,
  };
  if (before === undefined) {
    await trx
      .insertInto('assessment_settings')
      .values({ plan_id: input.planId, ...values })
      .execute();
  } else {
    await trx
      .updateTable('assessment_settings')
      .set(values)
      .where('plan_id', '=', input.planId)
      .where('revision_no', '=', current)
      .execute();
  }
  await appendAudit(trx, {
    actor: input.actor,
    action: 'assessment_settings.set',
    entity: 'plan',
    entityId: input.planId,
    planId: input.planId,
    detail: { revisionNo: row.revisionNo, before: before?.thresholds ?? null, after: input.thresholds },
  });
  return row;
}
