import { type Kysely, type Migration, sql } from 'kysely';
import { addIndex, oneOf } from './migration-helpers.js';

/**
 * Reporting rounds (填报轮次): the office asks chosen indicators and tasks for one period by one due
 * date, with reminder days and the period semantics of the figure; a round is opened and closed by
 * someone at some time. The covered items are rows of their own so "which rounds cover this item"
 * is an indexed lookup. Written once for both dialects.
 */
export const reportingRoundsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('reporting_rounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('frequency', 'text', (c) =>
        c.notNull().check(oneOf('frequency', ['annual', 'quarterly', 'monthly'])),
      )
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('reminder_days', 'integer', (c) =>
        c.notNull().check(sql`reminder_days >= 0 and reminder_days <= 366`),
      )
      .addColumn('semantics', 'text', (c) =>
        c.notNull().check(oneOf('semantics', ['annual_value', 'year_to_date'])),
      )
      .addColumn('selection_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['open', 'closed'])))
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addUniqueConstraint('reporting_rounds_name_uq', ['plan_id', 'name'])
      .execute();

    await db.schema
      .createTable('reporting_round_items')
      .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_rounds.id'))
      .addColumn('subject_kind', 'text', (c) =>
        c.notNull().check(oneOf('subject_kind', ['indicator', 'task'])),
      )
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reporting_round_items_pk', ['round_id', 'subject_kind', 'subject_id'])
      .execute();
    // "Which rounds cover this item" (owed periods, late-correction marks).
    await addIndex(db, 'reporting_round_items', ['subject_id']);
  },
};
