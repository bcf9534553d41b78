import { type Kysely, type Migration, sql } from 'kysely';
import { addIndex, isFlag, oneOf, protectAppendOnly } from './migration-helpers.js';

/** Kinds of reference series (参照值), as the migration fixes them. */
export const REFERENCE_KINDS = ['city-average', 'external-target', 'other'] as const;

/** Tables of this migration whose rows are written once (a correction is a new row). */
export const REFERENCE_APPEND_ONLY_TABLES = ['reference_values'] as const;

/**
 * Reference series in use, per-plan assessment thresholds, and the indexes the dashboard reads by.
 *
 * - `reference_series` (0003) gains a stable `series_key` and a `kind`.
 * - `reference_values` replaces 0003's `reference_points`, whose UNIQUE (series, period) made a
 *   correction an overwrite: here every value is a new row with a revision number per
 *   series × period, the newest wins, and the table refuses UPDATE and DELETE like the other
 *   append-only tables. `reference_points` stays (migrations are never edited) but is unused.
 * - `indicator_reference_links`: which series an indicator (by its stable key) is compared with.
 * - `assessment_settings`: the planning office's threshold set per plan.
 */
export const referenceSeriesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await extendReferenceSeries(db);
    await createReferenceValues(db);
    await db.schema
      .createTable('indicator_reference_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('indicator_key', 'text', (c) => c.notNull())
      .addColumn('series_id', 'text', (c) => c.notNull().references('reference_series.id'))
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addColumn('linked_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('indicator_reference_links_plan_key_uq', ['plan_id', 'indicator_key'])
      .execute();
    await addIndex(db, 'indicator_reference_links', ['series_id']);

    await db.schema
      .createTable('assessment_settings')
      .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plans.id'))
      .addColumn('thresholds_json', 'text', (c) => c.notNull())
      .addColumn('revision_no', 'integer', (c) => c.notNull().check(sql`revision_no >= 1`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();

    // "Newest approved revision of each record": the correlated max(revision_no) per key and status
    // becomes an index-only lookup instead of a scan of the key's revisions.
    await addIndex(db, 'observations', ['observation_key', 'status', 'revision_no']);
    await addIndex(db, 'progress_reports', ['report_key', 'status', 'revision_no']);
  },
};

async function extendReferenceSeries(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reference_series')
    .addColumn('series_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('reference_series')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other').check(oneOf('kind', REFERENCE_KINDS)))
    .execute();
  // Rows written before this migration have an empty key; only real keys must be unique.
  await db.schema
    .createIndex('reference_series_plan_key_uq')
    .on('reference_series')
    .columns(['plan_id', 'series_key'])
    .unique()
    .where(sql.ref('series_key'), '<>', '')
    .execute();
}

async function createReferenceValues(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reference_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull().references('reference_series.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('revision_no', 'integer', (c) => c.notNull().check(sql`revision_no >= 1`))
    .addColumn('value', 'double precision')
    .addColumn('value_text', 'text')
    .addColumn('estimated', 'integer', (c) => c.notNull().check(isFlag('estimated')))
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('reference_values_series_period_revision_uq', ['series_id', 'period', 'revision_no'])
    .execute();
  await protectAppendOnly(db, 'reference_values');
}
