import type { Expression, Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { isUniqueViolation } from '../../support/db-errors.js';
import { writeTransaction } from '../../support/dialect.js';
import { nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';

/** A plan's review rules as they apply: the defaults (revision 0) until the office sets them. */
export type ReviewSettings = {
  planId: string;
  /** A planning office user may approve or return what they entered on a department's behalf. */
  officeSelfReview: boolean;
  /** Every submitted value should come with evidence; a value without carries `evidence-missing`. */
  evidenceRequired: boolean;
  /** 0 while the defaults apply; the optimistic-concurrency token of {@link putReviewSettings}. */
  revisionNo: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

/**
 * The plan's review rules; the defaults (four-eyes without exception) while the office has set
 * none. A plan that does not exist is a `NotFoundError`.
 */
export async function getReviewSettings(db: Kysely<Database>, planId: string): Promise<ReviewSettings> {
  const row = await db
    .selectFrom('plans as p')
    .leftJoin('review_settings as s', 's.plan_id', 'p.id')
    .select([
      'p.id',
      's.office_self_review',
      's.evidence_required',
      's.revision_no',
      's.updated_at',
      's.updated_by',
    ])
    .where('p.id', '=', planId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError({ zh: `规划不存在：${planId}`, en: `No such plan: ${planId}` });
  }
  return {
    planId: row.id,
    officeSelfReview: row.office_self_review === 1,
    evidenceRequired: row.evidence_required === 1,
    revisionNo: row.revision_no ?? 0,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * Whether the plan (given as a scalar subquery, as the revision stores give it) lets a planning
 * office user review data they entered on a department's behalf. Read inside the review's own
 * transaction, so the answer is the setting in force when the review is written.
 */
export async function officeSelfReviewAllowed(
  db: Kysely<Database>,
  planId: Expression<string | null>,
): Promise<boolean> {
  const row = await db
    .selectFrom('review_settings')
    .select('office_self_review')
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row?.office_self_review === 1;
}

/** A change of the review rules; a rule left out keeps its current value. */
export type ReviewSettingsInput = {
  planId: string;
  officeSelfReview?: boolean | undefined;
  evidenceRequired?: boolean | undefined;
  expectedRevision: number;
  actor: string;
};

/**
 * Stores the plan's review rules. `expectedRevision` is the revision the editor started from (0
 * for none), so two office users do not silently overwrite each other. The previous and new
 * values are written to the audit log (`review_settings.set`) in the same transaction.
 */
export async function putReviewSettings(
  db: Kysely<Database>,
  input: ReviewSettingsInput,
): Promise<ReviewSettings> {
  try {
    return await writeTransaction(db, (trx) => putInTransaction(trx, input));
  } catch (error) {
    // Two first-time writers racing: the loser's insert hits the primary key.
    if (!isUniqueViolation(error)) throw error;
    throw staleSettings();
  }
}

function staleSettings(): ConflictError {
  return new ConflictError('stale-revision', {
    zh: '审核设置刚被他人修改，请刷新后重试。',
    en: 'The review settings were just changed by someone else; reload and try again.',
  });
}

async function putInTransaction(trx: Kysely<Database>, input: ReviewSettingsInput): Promise<ReviewSettings> {
  const before = await getReviewSettings(trx, input.planId);
  const current = before.revisionNo;
  if (current !== input.expectedRevision) {
    throw new ConflictError(
      'stale-revision',
      {
        zh: `审核设置已被修改（当前第${current}版），请刷新后重试。`,
        en: `The review settings were changed meanwhile (now revision ${current}); reload and try again.`,
      },
      current,
    );
  }
  const row = {
    planId: input.planId,
    officeSelfReview: input.officeSelfReview ?? before.officeSelfReview,
    evidenceRequired: input.evidenceRequired ?? before.evidenceRequired,
    revisionNo: current + 1,
    updatedAt: nowIso(),
    updatedBy: input.actor,
  };
  const values = {
    office_self_review: row.officeSelfReview ? (1 as const) : (0 as const),
    evidence_required: row.evidenceRequired ? (1 as const) : (0 as const),
    revision_no: row.revisionNo,
    updated_at: row.updatedAt,
    updated_by: row.updatedBy,
  };
  if (current === 0) {
    await trx
      .insertInto('review_settings')
      .values({ plan_id: input.planId, ...values })
      .execute();
  } else {
    const updated = await trx
      .updateTable('review_settings')
      .set(values)
      .where('plan_id', '=', input.planId)
      .where('revision_no', '=', current)
      .executeTakeFirst();
    // PostgreSQL, READ COMMITTED: a writer that committed after our read leaves no row to update.
    if (updated.numUpdatedRows === 0n) throw staleSettings();
  }
  await appendAudit(trx, {
    actor: input.actor,
    action: 'review_settings.set',
    entity: 'plan',
    entityId: input.planId,
    planId: input.planId,
    detail: {
      revisionNo: row.revisionNo,
      before: { officeSelfReview: before.officeSelfReview, evidenceRequired: before.evidenceRequired },
      after: { officeSelfReview: row.officeSelfReview, evidenceRequired: row.evidenceRequired },
    },
  });
  return row;
}
