import type { Kysely, Migration } from 'kysely';
import { addIndex } from './migration-helpers.js';

/**
 * Browser sessions, so that signing in survives a restart of the service and is shared between
 * several server processes. Only a SHA-256 of the session id is stored: someone who reads the
 * database (or a backup) cannot sign in with what they read.
 */
export const sessionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await addIndex(db, 'sessions', ['user_id']);
    await addIndex(db, 'sessions', ['expires_at']);
  },
};
