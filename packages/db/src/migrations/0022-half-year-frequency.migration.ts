import { type Kysely, type Migration, sql } from 'kysely';
import { addIndex, oneOf } from './migration-helpers.js';

/**
 * Half-year reporting (半年, periods `2026H1` / `2026H2`): the frequency `half_yearly` joins the
 * CHECK of `reporting_cycles.frequency` (0003) and `reporting_rounds.frequency` (0018). Neither
 * dialect alters a column's CHECK in place portably (SQLite not at all), so the tables are rebuilt
 * as 0019 does: copied aside, dropped child first (foreign keys stay on), created anew with the
 * same columns, constraints and indexes, copied back. The value lists are spelled out so this
 * migration never changes.
 */
export const halfYearFrequencyMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const frequencies = ['annual', 'half_yearly', 'quarterly', 'monthly'];
    for (const table of ['reporting_cycles', 'reporting_rounds', 'reporting_round_items']) {
      await sql`create table ${sql.table(`${table}_0022`)} as select * from ${sql.table(table)}`.execute(db);
    }
    await db.schema.dropTable('reporting_round_items').execute();
    await db.schema.dropTable('reporting_rounds').execute();
    await db.schema.dropTable('reporting_cycles').execute();

    await db.schema
      .createTable('reporting_cycles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'text', (c) => c.unique().references('indicators.id'))
      .addColumn('task_id', 'text', (c) => c.unique().references('tasks.id'))
      .addColumn('frequency', 'text', (c) => c.notNull().check(oneOf('frequency', frequencies)))
      .addColumn('due_month_offset', 'integer', (c) => c.notNull())
      .addColumn('due_day', 'integer', (c) => c.notNull().check(sql`due_day between 1 and 31`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addCheckConstraint('reporting_cycles_one_subject', sql`(indicator_id is null) <> (task_id is null)`)
      .execute();
    await sql`
      insert into reporting_cycles (id, indicator_id, task_id, frequency, due_month_offset, due_day,
        created_at, created_by, updated_at, updated_by)
      select id, indicator_id, task_id, frequency, due_month_offset, due_day,
        created_at, created_by, updated_at, updated_by
      from reporting_cycles_0022
    `.execute(db);

    await db.schema
      .createTable('reporting_rounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('frequency', 'text', (c) => c.notNull().check(oneOf('frequency', frequencies)))
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
    await sql`
      insert into reporting_rounds (id, plan_id, name, period, frequency, due_date, reminder_days,
        semantics, selection_json, status, opened_at, opened_by, closed_at, closed_by)
      select id, plan_id, name, period, frequency, due_date, reminder_days,
        semantics, selection_json, status, opened_at, opened_by, closed_at, closed_by
      from reporting_rounds_0022
    `.execute(db);

    await db.schema
      .createTable('reporting_round_items')
      .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_rounds.id'))
      .addColumn('subject_kind', 'text', (c) =>
        c.notNull().check(oneOf('subject_kind', ['indicator', 'task'])),
      )
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reporting_round_items_pk', ['round_id', 'subject_kind', 'subject_id'])
      .execute();
    await addIndex(db, 'reporting_round_items', ['subject_id']);
    await sql`
      insert into reporting_round_items (round_id, subject_kind, subject_id)
      select round_id, subject_kind, subject_id from reporting_round_items_0022
    `.execute(db);

    for (const table of ['reporting_round_items', 'reporting_rounds', 'reporting_cycles']) {
      await db.schema.dropTable(`${table}_0022`).execute();
    }
  },
};
