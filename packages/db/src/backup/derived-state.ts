import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../support/dialect.js';

/**
 * Repairs what plain INSERTs with explicit keys leave behind. PostgreSQL: identity and serial
 * sequences still start at 1, so the next generated id would collide — each is set to the
 * column's maximum. SQLite: the FTS5 search mirror (migration 0006) is filled by triggers as
 * `search_documents` rows arrive, and is rebuilt from them anyway so it matches the restored rows
 * exactly. The append-only triggers (migration 0005) refuse only UPDATE and DELETE, so a restore,
 * which only inserts, passes them untouched.
 */
export async function refreshDerivedState<DB>(db: Kysely<DB>): Promise<void> {
  const anyDb = db as unknown as Kysely<unknown>;
  if (dialectOf(anyDb) === 'postgres') {
    await resetSequences(anyDb);
  } else {
    await rebuildSearchMirrors(anyDb);
  }
}

async function resetSequences(db: Kysely<unknown>): Promise<void> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')
    order by table_name, column_name
  `.execute(db);
  for (const { table_name: table, column_name: column } of columns.rows) {
    await sql`
      select setval(pg_get_serial_sequence(${quoteIdent(table)}, ${column}),
        coalesce(max(${sql.ref(column)}), 1), max(${sql.ref(column)}) is not null)
      from ${sql.table(table)}
    `.execute(db);
  }
}

async function rebuildSearchMirrors(db: Kysely<unknown>): Promise<void> {
  const virtual = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' and sql like 'create virtual table%'
  `.execute(db);
  for (const table of virtual.rows.filter((t) => /using\s+fts5/i.test(t.sql ?? ''))) {
    await sql`insert into ${sql.table(table.name)} (${sql.ref(table.name)}) values ('rebuild')`.execute(db);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
