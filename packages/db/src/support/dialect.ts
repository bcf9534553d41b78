import { type Kysely, PostgresIntrospector, SqliteIntrospector, sql } from 'kysely';

/** The two databases PlanTrack runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** Every dialect, in the order the integration suite runs them. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * Which database a Kysely instance (or a transaction of one) talks to. Read from the dialect's
 * public introspector class, so it also works inside migrations, which only receive a `Kysely`.
 */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  const introspector = db.introspection;
  if (introspector instanceof PostgresIntrospector) return 'postgres';
  if (introspector instanceof SqliteIntrospector) return 'sqlite';
  throw new Error('PlanTrack supports SQLite and PostgreSQL only.');
}

/** Single-connection instances handed out by {@link writeTransaction} on SQLite. */
const sqliteWriteScopes = new WeakSet<object>();

/** Whether `db` is a transaction (or SQLite write scope) that nested writes join. */
export function inWriteTransaction<DB>(db: Kysely<DB>): boolean {
  return db.isTransaction || sqliteWriteScopes.has(db);
}

/**
 * Runs `fn` in a read-write transaction and returns its result; any error rolls everything back.
 *
 * On SQLite the transaction starts with `BEGIN IMMEDIATE`, which takes the write lock up front: a
 * deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another
 * process (a CLI import next to the server) committed in between, while an immediate one waits for
 * `busy_timeout`. On PostgreSQL it is an ordinary READ COMMITTED transaction; races between
 * concurrent writers are caught by unique constraints. Called inside a transaction, it joins it.
 */
export async function writeTransaction<DB, T>(
  db: Kysely<DB>,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (inWriteTransaction(db)) return fn(db);
  if (dialectOf(db) === 'postgres') return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    sqliteWriteScopes.add(conn);
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      // SQLite may already have rolled back (e.g. on SQLITE_FULL); the original error is what matters.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
