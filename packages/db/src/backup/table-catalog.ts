import { type Kysely, sql } from 'kysely';
import { type DialectName, dialectOf } from '../support/dialect.js';

/** A table as the backup sees it: columns in order, primary key, and the tables it references. */
export type CatalogTable = {
  name: string;
  /** Insertable columns in definition order (generated columns left out). */
  columns: string[];
  /** Primary-key columns; the backup orders rows by them (all columns when there is none). */
  primaryKey: string[];
  foreignKeys: { columns: string[]; table: string; refColumns: string[] }[];
  /** PostgreSQL `GENERATED ALWAYS AS IDENTITY`: explicit ids need `OVERRIDING SYSTEM VALUE`. */
  identityAlways: boolean;
};

/**
 * Tables deliberately left out of backups, with the reason. Sessions are short-lived sign-in
 * credentials: a restored database starts with everyone signed out.
 */
export const TRANSIENT_TABLES: readonly string[] = ['sessions'];

/** The migrator's own bookkeeping; a backup records the applied migration names instead. */
export const MIGRATOR_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock'];

type AnyDb = Kysely<unknown>;

/**
 * Every table holding data, read from the live schema (never from a hand-kept list, so a table a
 * new migration adds is backed up without anyone remembering to), in foreign-key order: a table
 * comes after every table it references. Left out: {@link TRANSIENT_TABLES}, the migrator's tables,
 * and SQLite's FTS5 search mirror, which is derived and rebuilt on restore. Any other kind of
 * virtual table is refused rather than silently skipped.
 */
export async function dataTables<DB>(db: Kysely<DB>): Promise<CatalogTable[]> {
  const anyDb = db as unknown as AnyDb;
  const dialect = dialectOf(anyDb);
  const tables = dialect === 'sqlite' ? await sqliteTables(anyDb) : await postgresTables(anyDb);
  return foreignKeyOrder(tables.filter((t) => !TRANSIENT_TABLES.includes(t.name)));
}

/** Names of the migrations applied to a database, in order (empty for a new database). */
export async function appliedMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const anyDb = db as unknown as AnyDb;
  if (!(await hasMigrationTable(anyDb, dialectOf(anyDb)))) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(anyDb);
  return rows.rows.map((r) => r.name);
}

async function hasMigrationTable(db: AnyDb, dialect: DialectName): Promise<boolean> {
  const found =
    dialect === 'sqlite'
      ? await sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)
      : await sql`select 1 from information_schema.tables
          where table_schema = current_schema() and table_name = 'kysely_migration'`.execute(db);
  return found.rows.length > 0;
}

function isBookkeeping(name: string): boolean {
  return MIGRATOR_TABLES.includes(name) || name.startsWith('sqlite_');
}

async function sqliteTables(db: AnyDb): Promise<CatalogTable[]> {
  const listed = await sql<{ name: string; type: string }>`
    select name, type from pragma_table_list where schema = 'main' order by name
  `.execute(db);
  const plain = listed.rows.filter((t) => t.type === 'table' && !isBookkeeping(t.name)).map((t) => t.name);
  for (const virtual of listed.rows.filter((t) => t.type === 'virtual')) {
    await requireDerivedFts(db, virtual.name, plain);
  }
  const tables: CatalogTable[] = [];
  for (const name of plain) {
    const columns = await sql<{ name: string; pk: number; hidden: number }>`
      select name, pk, hidden from pragma_table_xinfo(${name}) order by cid
    `.execute(db);
    const insertable = columns.rows.filter((c) => c.hidden === 0);
    const keys = await sql<{ id: number; table: string; from: string; to: string | null }>`
      select id, "table", "from", "to" from pragma_foreign_key_list(${name}) order by id, seq
    `.execute(db);
    const byId = new Map<number, CatalogTable['foreignKeys'][number]>();
    for (const k of keys.rows) {
      const fk = byId.get(k.id) ?? { columns: [], table: k.table, refColumns: [] };
      fk.columns.push(k.from);
      // Empty: the reference names no column, i.e. the referenced table's primary key (resolved below).
      fk.refColumns.push(k.to ?? '');
      byId.set(k.id, fk);
    }
    tables.push({
      name,
      columns: insertable.map((c) => c.name),
      primaryKey: insertable
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      foreignKeys: [...byId.values()],
      identityAlways: false,
    });
  }
  for (const fk of tables.flatMap((t) => t.foreignKeys)) {
    const referenced = tables.find((t) => t.name === fk.table);
    fk.refColumns = fk.refColumns.map((c, i) => (c === '' ? (referenced?.primaryKey[i] ?? c) : c));
  }
  return tables;
}

/** A virtual table may be skipped only if it is an FTS5 index over a table that is backed up. */
async function requireDerivedFts(db: AnyDb, name: string, plain: readonly string[]): Promise<void> {
  const row = await sql<{ sql: string | null }>`select sql from sqlite_master where name = ${name}`.execute(
    db,
  );
  const definition = row.rows[0]?.sql ?? '';
  const content = /content\s*=\s*'([^']+)'/i.exec(definition)?.[1];
  if (!/using\s+fts5/i.test(definition) || content === undefined || !plain.includes(content)) {
    throw new Error(
      `The virtual table ${name} is not an FTS5 index over a stored table; the backup cannot cover it.`,
    );
  }
}

async function postgresTables(db: AnyDb): Promise<CatalogTable[]> {
  const listed = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name
  `.execute(db);
  const columns = await sql<{ table_name: string; column_name: string; generated: boolean; always: boolean }>`
    select table_name, column_name, is_generated = 'ALWAYS' as generated,
      coalesce(identity_generation = 'ALWAYS', false) as always
    from information_schema.columns where table_schema = current_schema()
    order by table_name, ordinal_position
  `.execute(db);
  const primaryKeys = await sql<{ table_name: string; column_name: string }>`
    select cl.relname as table_name, a.attname as column_name
    from pg_index i
    join pg_class cl on cl.oid = i.indrelid
    join pg_namespace n on n.oid = cl.relnamespace
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = current_schema()
    order by cl.relname, k.ord
  `.execute(db);
  const foreignKeys = await sql<{
    conname: string;
    table_name: string;
    ref_table: string;
    column_name: string;
    ref_column: string;
  }>`
    select c.conname, cl.relname as table_name, rcl.relname as ref_table,
      a.attname as column_name, ra.attname as ref_column
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class rcl on rcl.oid = c.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    cross join lateral unnest(c.conkey, c.confkey) with ordinality as k(attnum, refattnum, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.refattnum
    where c.contype = 'f' and n.nspname = current_schema()
    order by cl.relname, c.conname, k.ord
  `.execute(db);
  return listed.rows
    .map((t) => t.table_name)
    .filter((name) => !isBookkeeping(name))
    .map((name): CatalogTable => {
      const own = columns.rows.filter((c) => c.table_name === name);
      const fks = new Map<string, CatalogTable['foreignKeys'][number]>();
      for (const k of foreignKeys.rows.filter((f) => f.table_name === name)) {
        const fk = fks.get(k.conname) ?? { columns: [], table: k.ref_table, refColumns: [] };
        fk.columns.push(k.column_name);
        fk.refColumns.push(k.ref_column);
        fks.set(k.conname, fk);
      }
      return {
        name,
        columns: own.filter((c) => !c.generated).map((c) => c.column_name),
        primaryKey: primaryKeys.rows.filter((p) => p.table_name === name).map((p) => p.column_name),
        foreignKeys: [...fks.values()],
        identityAlways: own.some((c) => c.always),
      };
    });
}

/**
 * Sorts tables so that each comes after the tables it references (self-references aside: those
 * rows are ordered on restore). Ties keep name order, so both dialects give the same order.
 */
export function foreignKeyOrder(tables: readonly CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: CatalogTable[] = [];
  const remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  while (remaining.length > 0) {
    const index = remaining.findIndex((t) =>
      t.foreignKeys.every((fk) => fk.table === t.name || done.has(fk.table) || !byName.has(fk.table)),
    );
    if (index < 0) {
      throw new Error(`Foreign keys form a cycle between ${remaining.map((t) => t.name).join(', ')}.`);
    }
    const [next] = remaining.splice(index, 1);
    if (next === undefined) break;
    done.add(next.name);
    ordered.push(next);
  }
  return ordered;
}
