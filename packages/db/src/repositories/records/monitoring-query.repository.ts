import type { RecordKindName } from '@plantrack/core';
import type { DatabaseHandle } from '../../connection.factory.js';
import { NotFoundError } from '../../errors.js';
import {
  isNewestApprovedObservation,
  isNewestObservation,
  isNewestProgressReport,
} from '../../support/newest-revision.js';

/**
 * Read models of the monitoring API (review queue, values in force by plan, indicator identity).
 * Reads only: publishing an indicator is in indicator-publication.repository.ts.
 */
type Db = DatabaseHandle['db'];

export type QueueItem = {
  kind: RecordKindName;
  key: string;
  targetId: string;
  period: string;
  revisionNo: number;
  submittedBy: string;
  submittedAt: string;
};

/** Records whose latest revision is `submitted` (waiting for review), oldest first. */
export async function reviewQueue(db: Db): Promise<QueueItem[]> {
  const observations = await db
    .selectFrom('observations as o')
    .select([
      'o.observation_key as key',
      'o.indicator_id as targetId',
      'o.period',
      'o.revision_no as revisionNo',
      'o.created_by as submittedBy',
      'o.created_at as submittedAt',
    ])
    .where('o.status', '=', 'submitted')
    .where(isNewestObservation)
    .execute();
  const reports = await db
    .selectFrom('progress_reports as r')
    .select([
      'r.report_key as key',
      'r.task_id as targetId',
      'r.period',
      'r.revision_no as revisionNo',
      'r.created_by as submittedBy',
      'r.created_at as submittedAt',
    ])
    .where('r.status', '=', 'submitted')
    .where(isNewestProgressReport)
    .execute();
  return [
    ...observations.map((o): QueueItem => ({ kind: 'observation', ...o })),
    ...reports.map((r): QueueItem => ({ kind: 'progress_report', ...r })),
  ].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

export type ApprovedValue = {
  indicatorId: string;
  period: string;
  scope: string;
  value: number | null;
  valueText: string | null;
  unit: string | null;
  estimated: boolean;
  revisionNo: number;
  approvedAt: string;
};

/** The value in force (latest approved revision) of every observation of the given indicators. */
export async function approvedValues(db: Db, indicatorIds: readonly string[]): Promise<ApprovedValue[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('observations as o')
    .selectAll('o')
    .where('o.indicator_id', 'in', [...indicatorIds])
    .where('o.status', '=', 'approved')
    .where(isNewestApprovedObservation)
    .orderBy('o.period')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    period: r.period,
    scope: r.scope,
    value: r.value,
    valueText: r.value_text,
    unit: r.unit,
    estimated: r.estimated === 1,
    revisionNo: r.revision_no,
    approvedAt: r.created_at,
  }));
}

/** The plan and key of an indicator; `NotFoundError` when there is none. */
export async function indicatorIdentity(
  db: Db,
  indicatorId: string,
): Promise<{ planId: string; indicatorKey: string; published: boolean }> {
  const row = await db
    .selectFrom('indicators')
    .select(['plan_id', 'indicator_key', 'published'])
    .where('id', '=', indicatorId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError({ zh: `指标不存在：${indicatorId}`, en: `No such indicator: ${indicatorId}` });
  }
  return { planId: row.plan_id, indicatorKey: row.indicator_key, published: row.published === 1 };
}
