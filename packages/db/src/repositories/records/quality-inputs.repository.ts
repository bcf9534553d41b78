import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../connection.factory.js';
import { dialectOf } from '../../support/dialect.js';
import { reusableQuery } from '../../support/reusable-query.js';

type Db = DatabaseHandle['db'];

/** The quality check's inputs, read inside the write's transaction or handed in from before it. */
export type QualityInputs = { indicator: QualityIndicator | undefined; previous: ComparedValue[] };

/** The observation whose inputs are read: its indicator, its period, its record key. */
export type QualityInputsRef = {
  indicatorId: string;
  /** The observed period: the values of earlier periods of its shape are read. */
  period: string;
  /** The observation's record key, whose attached evidence files are counted. */
  observationKey: string;
};

/**
 * Every rule that compares with approved values looks only at earlier periods of the observed
 * period's shape (year, half-year, quarter, month: core quality-history.ts, quality-period.ts), so
 * only those are read. Stored periods have one of the four shapes (period.ts), told apart by their
 * length and fifth character: `2026` (4, none), `2026H1` and `2026Q1` (6, H or Q), `2026-03` (7, -);
 * an unreadable period matches no stored one. At a decade of monthly, quarterly and annual values
 * this reads a fraction of the indicator's history, which was most of a submission's database time.
 * (No LIKE pattern, so PostgreSQL plans the statement once per connection: pg-named-statements.ts.)
 */
type QualityArgs = QualityInputsRef & { periodLength: number; periodMarker: string };

function argsOf(ref: QualityInputsRef): QualityArgs {
  return { ...ref, periodLength: ref.period.length, periodMarker: ref.period.slice(4, 5) };
}

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
  ref: QualityInputsRef,
): Promise<(trx: Db) => Promise<QualityInputs>> {
  if (dialectOf(db) === 'sqlite') return (trx) => qualityInputsApart(trx, ref);
  const read = await qualityInputs(db, ref);
  return () => Promise.resolve(read);
}

/**
 * What the data-quality check of an observation reads: its indicator as defined now, and the
 * evidence rule of its plan with the files attached to the observation (neither withdrawn nor
 * redacted), which core's `evidence-missing` check compares.
 */
export type QualityIndicator = {
  name: string;
  unit: string | null;
  scope: string | null;
  direction: string | null;
  targetJson: string;
  baselineJson: string | null;
  evidence: { required: boolean; attached: number };
};

/**
 * An approved value in force of the indicator in an earlier period of the observed period's shape
 * (the history rules compare with all of them, the jump rule picks the previous period among them).
 */
export type ComparedValue = { period: string; scope: string; value: number | null };

/** The same as {@link qualityInputs} in two statements (the indicator, the compared values). */
export async function qualityInputsApart(db: Db, ref: QualityInputsRef): Promise<QualityInputs> {
  const args = argsOf(ref);
  const [row] = await readIndicator(db, args);
  const previous = await readCompared(db, args);
  return { indicator: row === undefined ? undefined : toIndicator(row), previous };
}

// Run on every submission: compiled once (reusable-query.ts).
const readIndicator = reusableQuery((db, args: QualityArgs) => newestIndicatorVersion(db, args));
const readCompared = reusableQuery((db, args: QualityArgs) =>
  db
    .selectFrom(approvedRevisions(db, args).as('v'))
    .select(['v.period', 'v.scope', 'v.value'])
    .where('v.newest', '=', 1)
    .orderBy('v.period')
    .orderBy('v.scope'),
);

/**
 * The approved revisions of the indicator in the periods the rules compare with, each numbered
 * from its record's newest (`newest = 1` is the value in force). One pass over the indicator's
 * rows; the per-row "is there a newer approved revision" subquery it replaces cost a lookup per
 * row and, on PostgreSQL, most of the statement's planning.
 *
 * `period >= ''` is always true; it is there for PostgreSQL's planner. With only `period < $n`,
 * the generic plan of the prepared statement assumes a third of the indicator's rows and looks
 * dearer than a plan for the actual values, so the statement was planned again at every call
 * (pg-named-statements.ts prepares it once per connection): most of its cost. With a bound on
 * both sides the range is estimated as narrow and the generic plan is kept (measured on the
 * bench:api dataset: 345 -> 65 µs of PostgreSQL CPU per call). SQLite plans it once either way.
 */
function approvedRevisions(db: Db, args: QualityArgs) {
  return db
    .selectFrom('observations as o')
    .select((eb) => [
      'o.period',
      'o.scope',
      'o.value',
      eb.fn
        .agg<number>('row_number')
        .over((over) => over.partitionBy('o.observation_key').orderBy('o.revision_no', 'desc'))
        .as('newest'),
    ])
    .where('o.indicator_id', '=', args.indicatorId)
    .where('o.period', '>=', '')
    .where('o.period', '<', args.period)
    .where((eb) => eb(eb.fn('length', ['o.period']), '=', args.periodLength))
    .where((eb) => eb(eb.fn('substr', ['o.period', sql.lit(5), sql.lit(1)]), '=', args.periodMarker))
    .where('o.status', '=', 'approved');
}

/**
 * The indicator as its plan's newest version defines it, with its plan's evidence rule and the
 * observation's attached files as two scalar subqueries (no extra statement on the submit path).
 */
function newestIndicatorVersion(db: Db, ref: QualityInputsRef) {
  return db
    .selectFrom('indicator_versions as iv')
    .innerJoin('plan_versions as pv', 'pv.id', 'iv.plan_version_id')
    .select((eb) => [
      'iv.name',
      'iv.unit',
      'iv.scope',
      'iv.direction',
      'iv.target_json',
      'iv.baseline_json',
      eb
        .selectFrom('review_settings as s')
        .select('s.evidence_required')
        .whereRef('s.plan_id', '=', 'pv.plan_id')
        .as('evidence_required'),
      eb
        .selectFrom('evidence_files as f')
        .select((c) => c.fn.countAll<number | string>().as('n'))
        .where('f.subject_kind', '=', RECORD_KIND_DESCRIPTORS.observation.stored.evidenceSubject)
        .where('f.subject_key', '=', ref.observationKey)
        .where('f.withdrawn_at', 'is', null)
        .where('f.redacted_at', 'is', null)
        .as('evidence_attached'),
    ])
    .where('iv.indicator_id', '=', ref.indicatorId)
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
  evidence_required: number | null;
  evidence_attached: number | string | null;
}): QualityIndicator {
  return {
    name: row.name,
    unit: row.unit,
    scope: row.scope,
    direction: row.direction,
    targetJson: row.target_json,
    baselineJson: row.baseline_json,
    evidence: { required: row.evidence_required === 1, attached: Number(row.evidence_attached ?? 0) },
  };
}

/**
 * Everything the quality check of a submission compares with, in one statement: the indicator as
 * its plan's newest version defines it (with the evidence rule and the attached files), and the
 * approved values in force of the earlier periods of the observed period's shape (every scope; the
 * jump rule picks the compared period, the history rules read all), left-joined to it. A
 * submission pays for this read on its way to the write, so it is one round trip, not two. No
 * indicator: `undefined` and no values (nothing is checked).
 */
export async function qualityInputs(db: Db, ref: QualityInputsRef): Promise<QualityInputs> {
  const rows = await readJoined(db, argsOf(ref));
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

const readJoined = reusableQuery((db, args: QualityArgs) =>
  db
    .selectFrom(newestIndicatorVersion(db, args).as('i'))
    .leftJoin(approvedRevisions(db, args).as('o'), (join) => join.on('o.newest', '=', 1))
    .select([
      'i.name',
      'i.unit',
      'i.scope',
      'i.direction',
      'i.target_json',
      'i.baseline_json',
      'i.evidence_required',
      'i.evidence_attached',
      'o.period as comparedPeriod',
      'o.scope as comparedScope',
      'o.value as comparedValue',
    ])
    .orderBy('o.period')
    .orderBy('o.scope'),
);
