import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../support/dialect.js';

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
      for (const table of APPEND_ONLY_TABLES) {
        for (const operation of ['update', 'delete'] as const) {
          const message = `${table} is append-only: ${operation} is not allowed`;
          await sql`
            create trigger ${sql.id(`${table}_no_${operation}`)}
            before ${sql.raw(operation)} on ${sql.table(table)}
            begin select raise(abort, ${sql.lit(message)}); end
          `.execute(db);
        }
      }
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
    for (const table of APPEND_ONLY_TABLES) {
      await sql`
        create trigger ${sql.id(`${table}_append_only`)}
        before update or delete on ${sql.table(table)}
        for each row execute function plantrack_append_only()
      `.execute(db);
      await sql`
        create trigger ${sql.id(`${table}_no_truncate`)}
        before truncate on ${sql.table(table)}
        for each statement execute function plantrack_append_only()
      `.execute(db);
    }
  },
};
