import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ProgressReportsTable, ProgressStatus } from '../../schema/monitoring-tables.schema.js';
import { isForeignKeyViolation } from '../../support/db-errors.js';
import { checkPeriod, evidenceFromJson, evidenceToJson } from './period.js';
import type { ReviewAction } from '../../schema/monitoring-tables.schema.js';
import {
  type Revision,
  type RevisionStore,
  applyReview,
  lookUpAnswer,
  revisionMetaColumns,
} from './review-flow.js';
import { type ReviewActionArgs, alongsideOf, reviewActions } from './review-actions.js';

/** Which progress report: task (stable id) × period. */
export type ProgressReportRef = { taskId: string; period: string };

/** What a progress report records. */
export type ProgressReportValues = {
  /** 未启动 / 推进中 / 已完成 / 滞后. */
  progress: ProgressStatus;
  narrative: string;
  comment?: string | null;
  evidence?: readonly string[];
};

/** One stored revision of a progress report. */
export type ProgressReportRevision = Revision<Required<ProgressReportValues>> & {
  taskId: string;
  period: string;
};

const PROGRESS: readonly ProgressStatus[] = ['not_started', 'in_progress', 'completed', 'delayed'];

/** The key of a progress report across its revisions: `taskId|period`. */
export function progressReportKeyOf(ref: ProgressReportRef): string {
  return `${ref.taskId}|${checkPeriod(ref.period)}`;
}

/** Save, submit, approve, return and correct, each appending one revision (see `reviewActions`). */
export const { saveDraft, submit, approve, returnForCorrection, correctApproved } = reviewActions<
  ProgressReportRef,
  ProgressReportValues,
  ProgressReportRevision
>(act);

async function act(
  db: Kysely<Database>,
  args: ReviewActionArgs<ProgressReportRef, ProgressReportRevision>,
  action: ReviewAction,
  extra: { values?: ProgressReportValues | undefined; reason?: string | null },
): Promise<ProgressReportRevision> {
  const key = progressReportKeyOf(args.ref);
  const recordOf = (revision: Revision<Required<ProgressReportValues>>): ProgressReportRevision => ({
    ...revision,
    taskId: args.ref.taskId,
    period: args.ref.period,
  });
  try {
    const revision = await applyReview(db, reportStore(args.ref), {
      key,
      action,
      expectedRevision: args.expectedRevision,
      actor: args.actor,
      reason: extra.reason ?? null,
      idempotencyKey: args.idempotencyKey ?? null,
      selfReview: args.selfReview,
      alongside: alongsideOf(args.alongside, recordOf),
      ...(extra.values === undefined ? {} : { values: complete(extra.values) }),
    });
    return recordOf(revision);
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    throw new NotFoundError({ zh: `任务不存在：${args.ref.taskId}`, en: `No such task: ${args.ref.taskId}` });
  }
}

function complete(values: ProgressReportValues): Required<ProgressReportValues> {
  if (!PROGRESS.includes(values.progress)) {
    throw new InvalidInputError({
      zh: `进展状态不正确：${values.progress}`,
      en: `Invalid progress status: ${values.progress}`,
    });
  }
  return {
    progress: values.progress,
    narrative: values.narrative,
    comment: values.comment ?? null,
    evidence: [...(values.evidence ?? [])],
  };
}

/** Every revision of a progress report, oldest first. */
export async function history(
  db: Kysely<Database>,
  refOrKey: ProgressReportRef | string,
): Promise<ProgressReportRevision[]> {
  const key = typeof refOrKey === 'string' ? refOrKey : progressReportKeyOf(refOrKey);
  const rows = await db
    .selectFrom('progress_reports')
    .selectAll()
    .where('report_key', '=', key)
    .orderBy('revision_no', 'asc')
    .execute();
  return rows.map(toRevision);
}

/** The latest revision of a progress report, whatever its status. */
export async function latest(
  db: Kysely<Database>,
  ref: ProgressReportRef,
): Promise<ProgressReportRevision | undefined> {
  const row = await latestRow(db, progressReportKeyOf(ref));
  return row === undefined ? undefined : toRevision(row);
}

function latestRow(db: Kysely<Database>, key: string): Promise<Selectable<ProgressReportsTable> | undefined> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('report_key', '=', key)
    .orderBy('revision_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function reportStore(ref: ProgressReportRef): RevisionStore<Required<ProgressReportValues>> {
  return {
    entity: RECORD_KIND_DESCRIPTORS.progress_report.stored.auditEntity,
    lookUp: async (db, key, idempotencyKey) => {
      const newest = db
        .selectFrom('progress_reports')
        .selectAll()
        .where('report_key', '=', key)
        .where('revision_no', '=', (eb) =>
          eb
            .selectFrom('progress_reports')
            .select((e) => e.fn.max('revision_no').as('m'))
            .where('report_key', '=', key),
        );
      const rows = await (
        idempotencyKey === null
          ? newest
          : db
              .selectFrom('progress_reports')
              .selectAll()
              .where('idempotency_key', '=', idempotencyKey)
              .unionAll(newest)
      ).execute();
      return lookUpAnswer(rows, (r) => r.report_key === key, idempotencyKey, toRevision);
    },
    insert: async (db, r) => {
      const inserted = await db
        .insertInto('progress_reports')
        .values({
          id: r.id,
          report_key: r.key,
          revision_no: r.revisionNo,
          task_id: ref.taskId,
          period: ref.period,
          progress: r.values.progress,
          narrative: r.values.narrative,
          comment: r.values.comment,
          evidence_json: evidenceToJson(r.values.evidence),
          ...revisionMetaColumns(r),
        })
        // A taken revision number or idempotency key: no row, and the flow reads why (review-flow.ts).
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted === undefined) return false;
      await indexReport(db, ref, r.key, r.values.narrative);
      return true;
    },
    planId: (db) => db.selectFrom('tasks').select('plan_id').where('id', '=', ref.taskId).$asScalar(),
  };
}

/**
 * Keeps the latest narrative of a report searchable, linked to its task's node: the task's newest
 * version is read by the upsert itself (one statement; nothing is indexed for a task without one).
 */
async function indexReport(db: Kysely<Database>, ref: ProgressReportRef, key: string, narrative: string) {
  await db
    .insertInto('search_documents')
    .columns([
      'kind',
      'ref_id',
      'plan_id',
      'plan_version_id',
      'node_key',
      'title',
      'body',
      'source_start',
      'source_end',
    ])
    .expression(
      db
        .selectFrom('task_versions as tv')
        .innerJoin('plan_versions as pv', 'pv.id', 'tv.plan_version_id')
        .select((eb) => [
          sql.lit(RECORD_KIND_DESCRIPTORS.progress_report.stored.searchDoc).as('kind'),
          eb.val(key).as('ref_id'),
          'pv.plan_id',
          sql<null>`null`.as('plan_version_id'),
          'tv.node_key',
          sql<string>`${eb.ref('tv.measure')} || ${`（${ref.period}）`}`.as('title'),
          eb.val(narrative).as('body'),
          'tv.source_start',
          'tv.source_end',
        ])
        .where('tv.task_id', '=', ref.taskId)
        .orderBy('pv.version_no', 'desc')
        .limit(1),
    )
    .onConflict((oc) =>
      oc.columns(['kind', 'ref_id']).doUpdateSet((eb) => ({
        plan_id: eb.ref('excluded.plan_id'),
        plan_version_id: eb.ref('excluded.plan_version_id'),
        node_key: eb.ref('excluded.node_key'),
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
        source_start: eb.ref('excluded.source_start'),
        source_end: eb.ref('excluded.source_end'),
      })),
    )
    .execute();
}

function toRevision(row: Selectable<ProgressReportsTable>): ProgressReportRevision {
  return {
    id: row.id,
    key: row.report_key,
    revisionNo: row.revision_no,
    status: row.status,
    action: row.action,
    reason: row.reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    idempotencyKey: row.idempotency_key,
    supersedesId: row.supersedes_id,
    selfReviewed: row.self_reviewed === 1,
    taskId: row.task_id,
    period: row.period,
    values: {
      progress: row.progress,
      narrative: row.narrative,
      comment: row.comment,
      evidence: evidenceFromJson(row.evidence_json),
    },
  };
}
