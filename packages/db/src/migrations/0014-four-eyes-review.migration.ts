import { type Kysely, type Migration, sql } from 'kysely';
import { isFlag } from './migration-helpers.js';

/**
 * The four-eyes review (whoever submitted a revision may not approve or return it):
 *
 * - `review_settings`: per plan, whether a planning office user may review data they entered on a
 *   department's behalf (`office_self_review`, off until the office turns it on), revisioned like
 *   `assessment_settings` and audited by the repository that writes it.
 * - `self_reviewed` on both revision tables: 1 on an approval or return made under that setting,
 *   so the record's history shows it. Existing rows get 0. The tables stay append-only.
 */
export const fourEyesReviewMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('review_settings')
      .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plans.id'))
      .addColumn('office_self_review', 'integer', (c) => c.notNull().check(isFlag('office_self_review')))
      .addColumn('revision_no', 'integer', (c) => c.notNull().check(sql`revision_no >= 1`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    for (const table of ['observations', 'progress_reports']) {
      await db.schema
        .alterTable(table)
        .addColumn('self_reviewed', 'integer', (c) => c.notNull().defaultTo(0).check(isFlag('self_reviewed')))
        .execute();
    }
  },
};
