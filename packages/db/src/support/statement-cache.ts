import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/**
 * The SQLite connection as Kysely sees it, with prepared statements reused. Kysely prepares every
 * query afresh, and parsing the SQL text again was about a tenth of the server's time under load;
 * the query builder produces the same text for the same query shape, so a small cache keyed by
 * that text serves nearly every call. A cached statement that is busy (an open iterator of a
 * streamed query) is never handed out twice: a fresh one is prepared instead.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, max = 500): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached !== undefined && !cached.busy) {
        // Maps keep insertion order: re-inserting marks it the most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached === undefined) {
        if (cache.size >= max) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
