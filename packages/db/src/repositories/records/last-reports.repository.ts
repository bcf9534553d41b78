/**
 * The newest report of each indicator and task, whatever its period: what a department last
 * sent, shown beside the item in 我的填报 even when that period was never scheduled (a base-year
 * figure submitted outside any round stays visible).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { ProgressStatus, ReviewStatus } from '../../schema/monitoring-tables.schema.js';
import {
  isNewestRevisionOf,
  recordColumn,
  recordTableAsK,
  recordTables,
} from '../../support/record-tables.js';

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
 * The newest revision of the latest period of every given indicator and task: one query part per
 * record kind of the registry (the kinds whose element has ids given), unioned into one statement.
 * Items with no record at all are absent from the map.
 */
export async function lastReportsOf(
  db: Kysely<Database>,
  ids: { indicatorIds: readonly string[]; taskIds: readonly string[] },
): Promise<Map<string, LastReport>> {
  const idsOf = { indicator: ids.indicatorIds, task: ids.taskIds };
  const parts = recordTables()
    .filter(({ element }) => idsOf[element].length > 0)
    .map(({ kind, tables, element }) => {
      // A column the kind stores, or null where it has none (a progress report has no value).
      const valueOf = <T>(column: string | null) =>
        column === null ? sql<T>`null` : sql.ref<T>(`k.${column}`);
      return db
        .selectFrom(recordTableAsK(db, kind))
        .select([
          recordColumn<string>(kind, 'target').as('targetId'),
          'k.period',
          'k.status',
          valueOf<number | null>(tables.values.value).as('value'),
          valueOf<string | null>(tables.values.valueText).as('valueText'),
          valueOf<string | null>(tables.values.unit).as('unit'),
          valueOf<ProgressStatus | null>(tables.values.progress).as('progress'),
        ])
        .where(recordColumn<string>(kind, 'target'), 'in', [...idsOf[element]])
        .where(isNewestRevisionOf(kind));
    });
  const out = new Map<string, LastReport>();
  const [first, ...rest] = parts;
  if (first === undefined) return out;
  const rows = await rest.reduce((all, part) => all.unionAll(part), first).execute();
  for (const r of rows) {
    const had = out.get(r.targetId);
    if (had === undefined || laterPeriod(r.period, had.period)) out.set(r.targetId, r);
  }
  return out;
}
