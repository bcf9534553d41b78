import { type Kysely, type Migration, sql } from 'kysely';
import { oneOf } from './migration-helpers.js';

/**
 * Reminders of the major projects' monthly reports: the subject kind `project` joins the CHECK of
 * `notifications.subject_kind` (0019). As in 0019, both tables are rebuilt with the same columns,
 * indexes and rows (copied aside, dropped child first, created anew, copied back), and the value
 * lists are spelled out so this migration never changes.
 */
export const projectNotificationsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create table notifications_0023 as select * from notifications`.execute(db);
    await sql`create table email_deliveries_0023 as select * from email_deliveries`.execute(db);
    await db.schema.dropTable('email_deliveries').execute();
    await db.schema.dropTable('notifications').execute();
    await createTables(db);
    await sql`
      insert into notifications (id, user_id, kind, subject_kind, subject_key, period, plan_id, due_date,
        title_zh, title_en, body_zh, body_en, dedupe_key, created_at, read_at)
      select id, user_id, kind, subject_kind, subject_key, period, plan_id, due_date,
        title_zh, title_en, body_zh, body_en, dedupe_key, created_at, read_at
      from notifications_0023
    `.execute(db);
    await sql`
      insert into email_deliveries (id, notification_id, to_address, status, error, message_id, attempted_at)
      select id, notification_id, to_address, status, error, message_id, attempted_at
      from email_deliveries_0023
    `.execute(db);
    await db.schema.dropTable('email_deliveries_0023').execute();
    await db.schema.dropTable('notifications_0023').execute();
  },
};

async function createTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(oneOf('kind', ['due-soon', 'overdue', 'returned', 'submitted'])),
    )
    .addColumn('subject_kind', 'text', (c) =>
      c
        .notNull()
        .check(
          oneOf('subject_kind', [
            'indicator',
            'task',
            'observation',
            'progress_report',
            'department',
            'project',
          ]),
        ),
    )
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('due_date', 'text')
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('notifications_user_dedupe_uq', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_user_created_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_user_unread_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
  await db.schema
    .createTable('email_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['sent', 'failed'])))
    .addColumn('error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_deliveries_notification_idx')
    .on('email_deliveries')
    .columns(['notification_id', 'status'])
    .execute();
}
