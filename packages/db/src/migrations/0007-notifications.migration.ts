import { type Kysely, type Migration, sql } from 'kysely';
import { oneOf } from './migration-helpers.js';

/**
 * In-app notifications (reminders, returned reports) and the log of e-mails sent for them.
 * Written once with Kysely's schema builder so the same statements run on SQLite and PostgreSQL:
 * TEXT ids (UUID v7), TEXT ISO timestamps. The value lists are spelled out here rather than
 * imported, so this migration keeps creating the same schema whatever later code adds.
 */
export const notificationsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await retireUnusedNotificationsTable(db);
    await createNotificationTables(db);
  },
};

/**
 * Migration 0003 created a `notifications` table that no code ever wrote, without the columns a
 * deduplicating reminder job needs. Empty (every deployment so far), it is dropped; should anyone
 * have put rows in by hand, it is kept under another name so nothing is lost.
 */
async function retireUnusedNotificationsTable(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from notifications`.execute(db);
  if (Number(rows[0]?.n ?? 0) === 0) {
    await db.schema.dropTable('notifications').execute();
  } else {
    await db.schema.alterTable('notifications').renameTo('notifications_0003').execute();
  }
}

async function createNotificationTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['due-soon', 'overdue', 'returned'])))
    .addColumn('subject_kind', 'text', (c) =>
      c.notNull().check(oneOf('subject_kind', ['indicator', 'task', 'observation', 'progress_report'])),
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
  // Listing a user's notices newest first, and counting the unread ones.
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
