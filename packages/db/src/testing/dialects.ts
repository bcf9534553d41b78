import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { type DatabaseHandle, openDatabase, redactPassword } from '../connection.factory.js';
import { migrateToLatest } from '../migrations/migration.provider.js';
import { DIALECTS, type DialectName } from '../support/dialect.js';

/** The PostgreSQL server the suite creates its throwaway databases on (trust auth). */
export const TEST_PG_URL = process.env.PLANTRACK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Set to `1` to run the SQLite half only (never in CI, which starts a PostgreSQL server). */
const SKIP_POSTGRES = process.env.PLANTRACK_SKIP_POSTGRES === '1';

/** Opens a fresh, migrated database of the suite's dialect; it is closed and removed after the suite. */
export type OpenTestDatabase = (options?: { migrate?: boolean }) => Promise<DatabaseHandle>;

/** A database opened for a test, and how to remove it. */
export type Opened = { handle: DatabaseHandle; cleanup: () => Promise<void> };

let counter = 0;

/**
 * Runs one suite once per dialect — SQLite in a temporary folder, then PostgreSQL in a database
 * created for the suite — so every behaviour is checked on both stores with the same test code
 * (no mocks of the database). When PostgreSQL is unreachable the PostgreSQL half fails with a
 * message saying how to fix it, unless `PLANTRACK_SKIP_POSTGRES=1`.
 */
export function forEachDialect(body: (name: DialectName, open: OpenTestDatabase) => void): void {
  for (const name of DIALECTS) {
    if (name === 'postgres' && SKIP_POSTGRES) continue;
    describe(name, () => {
      const cleanups: (() => Promise<void>)[] = [];
      afterAll(async () => {
        for (const cleanup of cleanups.reverse()) await cleanup();
      });
      const open: OpenTestDatabase = async (options = {}) => {
        const opened = name === 'sqlite' ? openTempSqlite() : await openTempPostgres(TEST_PG_URL);
        cleanups.push(opened.cleanup);
        if (options.migrate !== false) await migrateToLatest(opened.handle.db);
        return opened.handle;
      };
      body(name, open);
    });
  }
}

function openTempSqlite(): Opened {
  const dir = mkdtempSync(join(tmpdir(), 'plantrack-db-'));
  const handle = openDatabase({ dataDir: dir });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a throwaway database on the server at `serverUrl` and opens it; `cleanup` drops it.
 * `url` reaches the same database (for a command under test that opens it itself).
 */
export async function openTempPostgres(serverUrl: string): Promise<Opened & { url: string }> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL is not reachable at ${redactPassword(serverUrl)} (${error instanceof Error ? error.message : String(error)}). ` +
        'The integration suite runs on SQLite and PostgreSQL: start a PostgreSQL 15 server with trust auth ' +
        '(see docs/adr/0002-storage.md), point PLANTRACK_TEST_PG_URL at it, or set PLANTRACK_SKIP_POSTGRES=1 ' +
        'to run the SQLite half only.',
      { cause: error },
    );
  }
  counter += 1;
  const name = `plantrack_test_${process.pid}_${Date.now().toString(36)}_${counter}`;
  try {
    // C.UTF-8: pg_trgm only treats Chinese characters as word characters under a UTF-8 ctype.
    await admin.query(`create database "${name}" locale 'C.UTF-8' template template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), poolSize: 20 });
  return {
    handle,
    url: url.toString(),
    cleanup: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
