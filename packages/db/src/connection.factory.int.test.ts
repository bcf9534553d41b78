import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME, openDatabase } from './connection.factory.js';
import { migrateToLatest } from './migrations/migration.provider.js';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('the SQLite store on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'plantrack-modes-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the data folder 0700 and the database with its -wal and -shm files 0600', async () => {
    const dataDir = join(root, 'new', 'data');
    const handle = openDatabase({ dataDir });
    try {
      await migrateToLatest(handle.db);
      const file = join(dataDir, SQLITE_FILE_NAME);
      expect(modeOf(join(root, 'new'))).toBe(0o700);
      expect(modeOf(dataDir)).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(path), path).toBe(true);
        expect(modeOf(path), path).toBe(0o600);
      }
    } finally {
      await handle.close();
    }
  });

  it('tightens a database file an earlier version left world-readable', async () => {
    const dataDir = join(root, 'old');
    const first = openDatabase({ dataDir });
    await sql`create table t (x integer)`.execute(first.db);
    await first.close();
    const file = join(dataDir, SQLITE_FILE_NAME);
    chmodSync(file, 0o644);
    const again = openDatabase({ dataDir });
    try {
      expect(modeOf(file)).toBe(0o600);
      await sql`insert into t values (1)`.execute(again.db);
    } finally {
      await again.close();
    }
  });

  // Root ignores permission bits, so the unusable folders are ones no user can write: a folder of
  // sysfs (Linux refuses to create files there, for root too) and a path through a plain file.
  it.each([
    ['a folder nobody may write', '/sys/kernel'],
    ['a folder that cannot be created', '/sys/kernel/plantrack-data'],
    ['a file in place of the folder', join(root, 'not-a-folder', 'data')],
  ])('refuses %s with a bilingual message', (_label, dataDir) => {
    writeFileSync(join(root, 'not-a-folder'), 'x');
    let error: unknown;
    try {
      openDatabase({ dataDir });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'data-dir-unwritable',
      messages: {
        zh: expect.stringContaining('无法在数据目录中创建或写入数据库') as unknown,
        en: expect.stringContaining('cannot be created or written') as unknown,
      },
    });
  });
});
