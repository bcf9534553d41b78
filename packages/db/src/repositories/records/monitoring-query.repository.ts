import { PLAN_RECORD_KINDS, type PlanRecordKindName } from '@plantrack/core';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../connection.factory.js';
import { NotFoundError } from '../../errors.js';
import { isNewestApprovedObservation } from '../../support/newest-revision.js';
import { isNewestRevisionOf, recordColumn, recordTableAsK } from '../../support/record-tables.js';

/**
 * Read models of the monitoring API (review queue, values in force by plan, indicator identity).
 * Reads only: publishing an indicator is in indicator-publication.repository.ts.
 */
type Db = DatabaseHandle['db'];

export type QueueItem = {
  kind: PlanRecordKindName;
  key: string;
  targetId: string;
  period: string;
  revisionNo: number;
  submittedBy: string;
  submittedAt: string;
};

/**
 * Records whose latest revision is `submitted` (waiting for review), oldest first: one query part
 * per record kind of the registry, unioned into one statement.
 */
export async function reviewQueue(db: Db): Promise<QueueItem[]> {
  const parts = PLAN_RECORD_KINDS.map((kind) =>
    db
      .selectFrom(recordTableAsK(db, kind))
      .select([
        sql.lit(kind).as('kind'),
        recordColumn<string>(kind, 'key').as('key'),
        recordColumn<string>(kind, 'target').as('targetId'),
        'k.period',
        'k.revision_no as revisionNo',
        'k.created_by as submittedBy',
        'k.created_at as submittedAt',
      ])
      .where('k.status', '=', 'submitted')
      .where(isNewestRevisionOf(kind)),
  );
  const [first, ...rest] = parts;
  if (first === undefined) return [];
  const rows = await rest.reduce((all, part) => all.unionAll(part), first).execute();
  // Oldest first; equal times in the registry's order of kinds, as the queue always listed them.
  const order = (kind: PlanRecordKindName) => PLAN_RECORD_KINDS.indexOf(kind);
  return rows.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || order(a.kind) - order(b.kind));
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
