import { dialectOf } from '../support/dialect.js';
import { type CreateTableBuilder, type Expression, type Kysely, type SqlBool, sql } from 'kysely';

/** `column IN ('a', 'b')` as a CHECK expression that compiles the same on both dialects. */
export function oneOf(column: string, values: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** `column IN (0, 1)`: booleans are INTEGER 0/1 on both dialects. */
export function isFlag(column: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (0, 1)`;
}

/** Adds the source span columns every extracted record carries. */
export function withSourceSpan<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('source_start', 'integer', (c) => c.notNull())
    .addColumn('source_end', 'integer', (c) => c.notNull())
    .addColumn('line_start', 'integer', (c) => c.notNull())
    .addColumn('line_end', 'integer', (c) => c.notNull());
}

/** Adds the columns shared by the append-only revision tables (observations, progress reports). */
export function withRevisionColumns<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('revision_no', 'integer', (c) => c.notNull().check(sql`revision_no >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', REVIEW_STATUSES)))
    .addColumn('action', 'text', (c) => c.notNull().check(oneOf('action', REVIEW_ACTIONS)))
    .addColumn('reason', 'text')
    .addColumn('comment', 'text')
    .addColumn('evidence_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('supersedes_id', 'text');
}

/** Values of the review status columns, as the migrations fix them. */
export const REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
/** Values of the revision action columns, as the migrations fix them. */
export const REVIEW_ACTIONS = ['save_draft', 'submit', 'approve', 'return', 'correct'] as const;

/** Creates a plain index; PostgreSQL does not index foreign keys by itself. */
export async function addIndex(db: Kysely<unknown>, table: string, columns: string[]): Promise<void> {
  await db.schema
    .createIndex(`${table}_${columns.join('_')}_idx`)
    .on(table)
    .columns(columns)
    .execute();
}

/**
 * Makes `table` refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) in the database itself.
 * SQLite: BEFORE triggers that RAISE(ABORT). PostgreSQL: triggers calling the function
 * `plantrack_append_only()`, which migration 0005 creates.
 */
export async function protectAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const operation of ['update', 'delete'] as const) {
      const message = `${table} is append-only: ${operation} is not allowed`;
      await sql`
        create trigger ${sql.id(`${table}_no_${operation}`)}
        before ${sql.raw(operation)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(message)}); end
      `.execute(db);
    }
    return;
  }
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
