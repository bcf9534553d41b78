import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../support/dialect.js';
import { protectAppendOnly } from './migration-helpers.js';

/** Tables whose rows are written once: revisions, framework edits and the audit log. */
export const APPEND_ONLY_TABLES = [
  'audit_log',
  'observations',
  'progress_reports',
  'framework_edits',
] as const;

/**
 * Makes the append-only tables refuse UPDATE and DELETE in the database itself, so no code path —
 * a bug, a script, a hand-typed statement — can rewrite history. SQLite: BEFORE triggers that
 * RAISE(ABORT). PostgreSQL: one trigger function raising an exception, for rows and TRUNCATE.
 */
export const appendOnlyMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (dialectOf(db) === 'sqlite') {
      for (const table of APPEND_ONLY_TABLES) await protectAppendOnly(db, table);
      return;
    }
    await sql`
      create or replace function plantrack_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % is not allowed', tg_table_name, lower(tg_op)
          using errcode = 'restrict_violation';
      end
      $$
    `.execute(db);
    for (const table of APPEND_ONLY_TABLES) await protectAppendOnly(db, table);
  },
};
