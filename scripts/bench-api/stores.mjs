// Throwaway databases for bench:api: a SQLite file in a temporary folder, or a PostgreSQL database
// created on the test server and dropped afterwards. Each store also gives a raw driver connection
// (better-sqlite3 / pg) for the bulk load and for the floors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../packages/db/dist/index.js';

/** The PostgreSQL server the throwaway database is created on (trust auth, like the test suite). */
export const PG_SERVER_URL =
  process.env.PLANTRACK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates and migrates an empty store of `dialect`. Returns the Kysely handle (for the
 * repositories), how the server worker opens the same store, and `drop()`.
 */
export async function createStore(dialect) {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'plantrack-bench-api-'));
    const handle = openDatabase({ dataDir: dir });
    await migrateToLatest(handle.db);
    return {
      dialect,
      handle,
      openOptions: { dataDir: dir },
      file: handle.location,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: PG_SERVER_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_SERVER_URL} (${error.message}). Start PostgreSQL 15 or set ` +
        'PLANTRACK_TEST_PG_URL; run with --sqlite-only to skip it.',
    );
  }
  const name = `plantrack_bench_${process.pid}_${Date.now().toString(36)}`;
  // C.UTF-8: pg_trgm only treats Chinese characters as word characters under a UTF-8 ctype.
  await admin.query(`create database "${name}" locale 'C.UTF-8' template template0`);
  await admin.end();
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString() });
  await migrateToLatest(handle.db);
  return {
    dialect,
    handle,
    openOptions: { url: url.toString() },
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: PG_SERVER_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/**
 * A raw driver connection to the store, with one `query(sql, params)` shape for both: SQLite uses
 * the pragmas `openDatabase` sets; PostgreSQL a pool of `poolSize` (the server's default is 10).
 */
export function openDriver(store, { poolSize = 10 } = {}) {
  if (store.dialect === 'sqlite') {
    const sqlite = new SqliteDatabase(store.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    return { dialect: 'sqlite', sqlite, close: async () => sqlite.close() };
  }
  const pool = new pg.Pool({ connectionString: store.url, max: poolSize });
  pool.on('error', () => undefined);
  return { dialect: 'postgres', pool, close: () => pool.end() };
}
