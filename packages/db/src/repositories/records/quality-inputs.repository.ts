import { sql } from 'kysely';
import type { DatabaseHandle } from '../../connection.factory.js';
import { dialectOf } from '../../support/dialect.js';
import { isNewestApprovedObservation } from '../../support/newest-revision.js';

type Db = DatabaseHandle['db'];

/** The quality check's inputs, read inside the write's transaction or handed in from before it. */
export type QualityInputs = { indicator: QualityIndicator | undefined; previous: ComparedValue[] };

/**
 * The quality inputs of a submission, read where that is cheapest for the dialect; the returned
 * function gives them inside the write's transaction. SQLite: read inside it — readers and the
 * writer share one connection, so a read before the write waits for the running commit group and
 * the write then waits for the next one, while a read in the group costs microseconds. PostgreSQL:
 * read now, on a pooled connection beside the commit groups, whose units run one after another (a
 * read inside would lengthen every group by a round trip per unit), in one statement. On SQLite,
 * where there is no round trip, two plain statements cost a fraction of the joined one.
 */
export async function prepareQualityInputs(
  db: Db,
  indicatorId: string,
  comparedPeriod: string | null,
): Promise<(trx: Db) => Promise<QualityInputs>> {
  if (dialectOf(db) === 'sqlite') return (trx) => qualityInputsApart(trx, indicatorId, comparedPeriod);
  const read = await qualityInputs(db, indicatorId, comparedPeriod);
  return () => Promise.resolve(read);
}

/** What the data-quality check of an observation reads: its indicator as defined now. */
export type QualityIndicator = {
  name: string;
  unit: string | null;
  scope: string | null;
  direction: string | null;
  targetJson: string;
  baselineJson: string | null;
};

/**
 * An approved value in force of the indicator: every period is read (the history rules compare
 * with all of them, the jump rule picks the previous period among them).
 */
export type ComparedValue = { period: string; scope: string; value: number | null };

/** The same as {@link qualityInputs} in two statements (the indicator, the compared values). */
export async function qualityInputsApart(
  db: Db,
  indicatorId: string,
  comparedPeriod: string | null,
): Promise<QualityInputs> {
  const row = await newestIndicatorVersion(db, indicatorId).executeTakeFirst();
  const previous =
    comparedPeriod === null
      ? []
      : await db
          .selectFrom('observations as o')
          .select(['o.period', 'o.scope', 'o.value'])
          .where('o.indicator_id', '=', indicatorId)
          .where('o.status', '=', 'approved')
          .where(isNewestApprovedObservation)
          .orderBy('o.period')
          .orderBy('o.scope')
          .execute();
  return { indicator: row === undefined ? undefined : toIndicator(row), previous };
}

/** The indicator as its plan's newest version defines it. */
function newestIndicatorVersion(db: Db, indicatorId: string) {
  return db
    .selectFrom('indicator_versions as iv')
    .innerJoin('plan_versions as pv', 'pv.id', 'iv.plan_version_id')
    .select(['iv.name', 'iv.unit', 'iv.scope', 'iv.direction', 'iv.target_json', 'iv.baseline_json'])
    .where('iv.indicator_id', '=', indicatorId)
    .orderBy('pv.version_no', 'desc')
    .limit(1);
}

function toIndicator(row: {
  name: string;
  unit: string | null;
  scope: string | null;
  direction: string | null;
  target_json: string;
  baseline_json: string | null;
}): QualityIndicator {
  return {
    name: row.name,
    unit: row.unit,
    scope: row.scope,
    direction: row.direction,
    targetJson: row.target_json,
    baselineJson: row.baseline_json,
  };
}

/**
 * Everything the quality check of a submission compares with, in one statement: the indicator as
 * its plan's newest version defines it, and the approved values in force of every period of the
 * indicator (every scope; the jump rule picks the compared period, the history rules read all),
 * left-joined to it; `comparedPeriod` null (an unreadable period) reads none. A submission pays for this read on its way to the write,
 * so it is one round trip, not two. No indicator: `undefined` and no values (nothing is checked).
 */
export async function qualityInputs(
  db: Db,
  indicatorId: string,
  comparedPeriod: string | null,
): Promise<QualityInputs> {
  const rows = await db
    .selectFrom(newestIndicatorVersion(db, indicatorId).as('i'))
    .leftJoin('observations as o', (join) =>
      join
        .on('o.indicator_id', '=', indicatorId)
        .on('o.status', '=', 'approved')
        .on((eb) =>
          comparedPeriod === null ? sql<boolean>`1 = 0` : isNewestApprovedObservation(eb as never),
        ),
    )
    .select([
      'i.name',
      'i.unit',
      'i.scope',
      'i.direction',
      'i.target_json',
      'i.baseline_json',
      'o.period as comparedPeriod',
      'o.scope as comparedScope',
      'o.value as comparedValue',
    ])
    .orderBy('o.period')
    .orderBy('o.scope')
    .execute();
  const first = rows[0];
  if (first === undefined) return { indicator: undefined, previous: [] };
  return {
    indicator: toIndicator(first),
    previous: rows.flatMap((r) =>
      r.comparedPeriod === null || r.comparedScope === null
        ? []
        : [{ period: r.comparedPeriod, scope: r.comparedScope, value: r.comparedValue }],
    ),
  };
}
