import type { Kysely, Migration } from 'kysely';
import { addIndex } from './migration-helpers.js';

/**
 * Framework edits and the audit log.
 * Written once with Kysely's schema builder so the same statements run on SQLite and PostgreSQL:
 * TEXT ids (UUID v7), TEXT ISO timestamps, INTEGER 0/1 flags, TEXT JSON, DOUBLE PRECISION values.
 */
export const recordTablesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createRecordTables(db);
  },
};

async function createRecordTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('framework_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('after_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await addIndex(db, 'framework_edits', ['entity', 'entity_id']);

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .execute();
  await addIndex(db, 'audit_log', ['entity', 'entity_id']);
  await addIndex(db, 'audit_log', ['actor']);
  await addIndex(db, 'audit_log', ['at']);
}
