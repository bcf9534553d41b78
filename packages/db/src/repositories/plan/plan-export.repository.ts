import type { DatabaseHandle } from '../../connection.factory.js';
import { isNewestApprovedObservation } from '../../support/newest-revision.js';

/**
 * Reads behind the public data export of a plan (JSON and CSV): the plan's title, the stored
 * baselines of its indicator versions and every value in force with its source.
 */
type Db = DatabaseHandle['db'];

/** A plan's id, slug and title, or undefined when there is no such plan. */
export async function findPlanTitle(
  db: Db,
  planId: string,
): Promise<{ id: string; slug: string; title: string } | undefined> {
  return db.selectFrom('plans').select(['id', 'slug', 'title']).where('id', '=', planId).executeTakeFirst();
}

/** The stored baseline (JSON text) of each given indicator version that has one, by version id. */
export async function baselineJsonByIndicatorVersion(
  db: Db,
  indicatorVersionIds: readonly string[],
): Promise<Map<string, string>> {
  if (indicatorVersionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('indicator_versions')
    .select(['id', 'baseline_json'])
    .where('id', 'in', [...indicatorVersionIds])
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.baseline_json !== null) out.set(r.id, r.baseline_json);
  return out;
}

/** One value in force (newest approved revision of an observation) as the export shows it. */
export type ExportedValueRow = {
  indicatorId: string;
  period: string;
  scope: string;
  value: number | null;
  valueText: string | null;
  unit: string | null;
  estimated: boolean;
  source: string | null;
  approvedAt: string;
};

/** The values in force of the given indicators, by period then scope. */
export async function exportedValuesInForce(
  db: Db,
  indicatorIds: readonly string[],
): Promise<ExportedValueRow[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('observations as o')
    .select([
      'o.indicator_id',
      'o.period',
      'o.scope',
      'o.value',
      'o.value_text',
      'o.unit',
      'o.estimated',
      'o.source',
      'o.created_at',
    ])
    .where('o.indicator_id', 'in', [...indicatorIds])
    .where('o.status', '=', 'approved')
    .where(isNewestApprovedObservation)
    .orderBy('o.period')
    .orderBy('o.scope')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    period: r.period,
    scope: r.scope,
    value: r.value,
    valueText: r.value_text,
    unit: r.unit,
    estimated: r.estimated === 1,
    source: r.source,
    approvedAt: r.created_at,
  }));
}
