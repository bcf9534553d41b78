import { type Kysely, type Migration, sql } from 'kysely';
import { addIndex, isFlag, oneOf, protectAppendOnly } from './migration-helpers.js';

/** Report kinds, statuses and office sections, as the migration fixes them. */
export const REPORT_KIND_VALUES = ['annual', 'midterm', 'final', 'briefing'] as const;
export const REPORT_STATUS_VALUES = ['draft', 'in_review', 'approved', 'published'] as const;
export const REPORT_SECTION_VALUES = [
  'overview',
  'problems',
  'measures',
  'adjustments',
  'next-year',
] as const;

/** Tables of this migration whose rows are written once. */
export const REPORT_APPEND_ONLY_TABLES = ['report_snapshots', 'report_section_revisions'] as const;

/**
 * Evaluation reports (年度监测报告, 中期评估报告, 总结评估报告, briefing).
 *
 * - `reports`: one row per report with its review state (draft → in_review → approved →
 *   published; returned goes back to draft). Every change of state is in the audit log.
 * - `report_snapshots`: the frozen data of a report, serialised once when it is created (plan
 *   version, approved revisions in force at the as-of date) with its SHA-256. Append-only: a
 *   report regenerated later reads the same bytes, whatever was corrected since.
 * - `report_section_revisions`: the texts the office writes (存在问题, 对策建议 …), append-only;
 *   the highest revision of a section is its text.
 */
export const reportsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', REPORT_KIND_VALUES)))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', REPORT_STATUS_VALUES)))
      .addColumn('demo', 'integer', (c) => c.notNull().check(isFlag('demo')))
      .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('submitted_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'text')
      .addColumn('return_note', 'text')
      .execute();
    await addIndex(db, 'reports', ['plan_id', 'status']);

    await db.schema
      .createTable('report_snapshots')
      .addColumn('report_id', 'text', (c) => c.primaryKey().references('reports.id'))
      .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
      .addColumn('snapshot_json', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('observations', 'integer', (c) => c.notNull())
      .addColumn('progress_reports', 'integer', (c) => c.notNull())
      .addColumn('reference_values', 'integer', (c) => c.notNull())
      .addColumn('taken_at', 'text', (c) => c.notNull())
      .execute();
    await protectAppendOnly(db, 'report_snapshots');

    await db.schema
      .createTable('report_section_revisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
      .addColumn('section_key', 'text', (c) => c.notNull().check(oneOf('section_key', REPORT_SECTION_VALUES)))
      .addColumn('revision_no', 'integer', (c) => c.notNull().check(sql`revision_no >= 1`))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      .addColumn('written_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('report_section_revisions_report_key_revision_uq', [
        'report_id',
        'section_key',
        'revision_no',
      ])
      .execute();
    await protectAppendOnly(db, 'report_section_revisions');
  },
};
