/**
 * The newest report of each indicator and task, whatever its period: what a department last
 * sent, shown beside the item in 我的填报 even when that period was never scheduled (a base-year
 * figure submitted outside any round stays visible).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { ProgressStatus, ReviewStatus } from '../../schema/monitoring-tables.schema.js';
import { isNewestObservation, isNewestProgressReport } from '../../support/newest-revision.js';

/** The newest record of an item: its period, review state and value (or task progress). */
export type LastReport = {
  targetId: string;
  period: string;
  status: ReviewStatus;
  value: number | null;
  valueText: string | null;
  unit: string | null;
  progress: ProgressStatus | null;
};

/** Periods compare by year, then by the sub-period: `2025` < `2026-03` < `2026Q1` < `2027`. */
function laterPeriod(a: string, b: string): boolean {
  return a.localeCompare(b) > 0;
}

/**
 * The newest revision of the latest period of every given indicator and task (one query per
 * kind). Items with no record at all are absent from the map.
 */
export async function lastReportsOf(
  db: Kysely<Database>,
  ids: { indicatorIds: readonly string[]; taskIds: readonly string[] },
): Promise<Map<string, LastReport>> {
  const out = new Map<string, LastReport>();
  const keep = (r: LastReport) => {
    const had = out.get(r.targetId);
    if (had === undefined || laterPeriod(r.period, had.period)) out.set(r.targetId, r);
  };
  if (ids.indicatorIds.length > 0) {
    const rows = await db
      .selectFrom('observations as o')
      .select(['o.indicator_id', 'o.period', 'o.status', 'o.value', 'o.value_text', 'o.unit'])
      .where('o.indicator_id', 'in', [...ids.indicatorIds])
      .where(isNewestObservation)
      .execute();
    for (const r of rows) {
      keep({
        targetId: r.indicator_id,
        period: r.period,
        status: r.status,
        value: r.value,
        valueText: r.value_text,
        unit: r.unit,
        progress: null,
      });
    }
  }
  if (ids.taskIds.length > 0) {
    const rows = await db
      .selectFrom('progress_reports as r')
      .select(['r.task_id', 'r.period', 'r.status', 'r.progress'])
      .where('r.task_id', 'in', [...ids.taskIds])
      .where(isNewestProgressReport)
      .execute();
    for (const r of rows) {
      keep({
        targetId: r.task_id,
        period: r.period,
        status: r.status,
        value: null,
        valueText: null,
        unit: null,
        progress: r.progress,
      });
    }
  }
  return out;
}
