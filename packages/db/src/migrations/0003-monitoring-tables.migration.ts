import { type Kysely, type Migration, sql } from 'kysely';
import { addIndex, isFlag, oneOf, withRevisionColumns } from './migration-helpers.js';

/**
 * Reporting cycles, observation and progress-report revisions, reference series, evidence files, notifications.
 * Written once with Kysely's schema builder so the same statements run on SQLite and PostgreSQL:
 * TEXT ids (UUID v7), TEXT ISO timestamps, INTEGER 0/1 flags, TEXT JSON, DOUBLE PRECISION values.
 */
export const monitoringTablesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createMonitoringTables(db);
  },
};

async function createMonitoringTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reporting_cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.unique().references('indicators.id'))
    .addColumn('task_id', 'text', (c) => c.unique().references('tasks.id'))
    .addColumn('frequency', 'text', (c) =>
      c.notNull().check(oneOf('frequency', ['annual', 'quarterly', 'monthly'])),
    )
    .addColumn('due_month_offset', 'integer', (c) => c.notNull())
    .addColumn('due_day', 'integer', (c) => c.notNull().check(sql`due_day between 1 and 31`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('reporting_cycles_one_subject', sql`(indicator_id is null) <> (task_id is null)`)
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('observation_key', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('value_text', 'text')
    .addColumn('unit', 'text')
    .addColumn('estimated', 'integer', (c) => c.notNull().check(isFlag('estimated')))
    .addColumn('source', 'text')
    .$call(withRevisionColumns)
    .addUniqueConstraint('observations_key_revision_uq', ['observation_key', 'revision_no'])
    .addUniqueConstraint('observations_idempotency_uq', ['idempotency_key'])
    .addForeignKeyConstraint('observations_supersedes_fk', ['supersedes_id'], 'observations', ['id'])
    .execute();
  await addIndex(db, 'observations', ['indicator_id', 'period']);

  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_key', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) =>
      c.notNull().check(oneOf('progress', ['not_started', 'in_progress', 'completed', 'delayed'])),
    )
    .addColumn('narrative', 'text', (c) => c.notNull())
    .$call(withRevisionColumns)
    .addUniqueConstraint('progress_reports_key_revision_uq', ['report_key', 'revision_no'])
    .addUniqueConstraint('progress_reports_idempotency_uq', ['idempotency_key'])
    .addForeignKeyConstraint('progress_reports_supersedes_fk', ['supersedes_id'], 'progress_reports', ['id'])
    .execute();
  await addIndex(db, 'progress_reports', ['task_id', 'period']);

  await db.schema
    .createTable('reference_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('scope', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reference_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull().references('reference_series.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('value_text', 'text')
    .addColumn('estimated', 'integer', (c) => c.notNull().defaultTo(0).check(isFlag('estimated')))
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('reference_points_series_period_uq', ['series_id', 'period'])
    .execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await addIndex(db, 'notifications', ['user_id', 'read_at']);
}
