import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../connection.factory.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

const PAGE = 4096;

describe('WAL checkpoints on a worker thread (SQLite)', () => {
  let dir = '';
  let handle: DatabaseHandle | null = null;
  afterEach(async () => {
    await handle?.close();
    handle = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** About `pages` pages of rows in one commit (about as many log frames), by the serving connection. */
  async function write(h: DatabaseHandle, pages: number): Promise<void> {
    await sql`create table filler (n integer primary key, body text not null)`.execute(h.db);
    const body = 'x'.repeat(PAGE - 100);
    await h.db.transaction().execute(async (trx) => {
      for (let n = 0; n < pages; n++) {
        await sql`insert into filler (n, body) values (${n}, ${body})`.execute(trx);
      }
    });
  }

  /** The database file's size once it holds most of the rows, or after `ms`. */
  async function fileSizeAfter(file: string, ms: number): Promise<number> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (statSync(file).size > 400 * PAGE) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return statSync(file).size;
  }

  function open(checkpoints: 'inline' | 'background'): DatabaseHandle {
    dir = mkdtempSync(join(tmpdir(), 'plantrack-wal-'));
    handle = openDatabase({ dataDir: dir, checkpoints });
    return handle;
  }

  it('copies the log into the database file while the serving connection goes on', async () => {
    const h = open('background');
    // 500 pages: below SQLite's own threshold (1,000), so only the worker can have copied them.
    await write(h, 500);
    expect(await fileSizeAfter(h.location, 5000)).toBeGreaterThan(400 * PAGE);
  });

  it('leaves the log alone when checkpoints are inline and the log is below the threshold', async () => {
    const h = open('inline');
    await write(h, 500);
    expect(await fileSizeAfter(h.location, 500)).toBeLessThan(100 * PAGE);
  });

  it('stops the worker on close, so the last connection folds the log into the file', async () => {
    const h = open('background');
    await write(h, 50);
    await h.close();
    handle = null;
    expect(existsSync(`${h.location}-wal`)).toBe(false);
    const reopened = openDatabase({ dataDir: dir });
    const { rows } = await sql<{ n: number }>`select count(*) as n from filler`.execute(reopened.db);
    await reopened.close();
    expect(rows[0]?.n).toBe(50);
  });

  it('raises the serving connection’s own checkpoint threshold, and restores it when the worker fails', async () => {
    dir = mkdtempSync(join(tmpdir(), 'plantrack-wal-'));
    const file = join(dir, 'raw.sqlite');
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    try {
      const checkpointer = startWalCheckpointer(sqlite);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
      await checkpointer.stop();
      // A worker that cannot open the file (moved away before the thread starts) fails at once.
      startWalCheckpointer(sqlite);
      renameSync(file, `${file}.moved`);
      const end = Date.now() + 5000;
      while (sqlite.pragma('wal_autocheckpoint', { simple: true }) !== 1000 && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      sqlite.close();
    }
  });
});
