import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestText } from '@plantrack/core';
import {
  type SearchAudience,
  importPlanVersion,
  listPlans,
  migrateToLatest,
  openDatabase,
  search,
} from '@plantrack/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBackup } from './backup.command.js';
import type { CommandIo } from './ingest.command.js';
import { runRestore } from './restore.command.js';

/** A reader who may see every indexed row (the planning office). */
const ALL: SearchAudience = { unpublishedFramework: true, records: 'all' };
/** A synthetic evidence file, stored as the server stores it (content-addressed under evidence/). */
const EVIDENCE = Buffer.from('%PDF-1.4\n% 测试用佐证材料\n%%EOF\n', 'utf8');
const EVIDENCE_SHA = createHash('sha256').update(EVIDENCE).digest('hex');
const EVIDENCE_PATH = join('evidence', EVIDENCE_SHA.slice(0, 2), EVIDENCE_SHA);

const SAMPLE = fileURLToPath(new URL('../../../examples/wujin-15th-outline.txt', import.meta.url));
const PG_SERVER = process.env.PLANTRACK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SKIP_POSTGRES = process.env.PLANTRACK_SKIP_POSTGRES === '1';

function captureIo(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

/** The plan titles and a search in the database at `url` / `dataDir`. */
async function contentOf(where: {
  url?: string;
  dataDir?: string;
}): Promise<{ plans: string[]; hits: number }> {
  const handle = openDatabase(where);
  try {
    const plans = await listPlans(handle.db);
    const hits = await search(handle.db, '国资国企', { audience: ALL, planId: plans[0]?.id ?? '' });
    return { plans: plans.map((p) => p.title), hits: hits.length };
  } finally {
    await handle.close();
  }
}

describe('plantrack backup / restore', () => {
  let root: string;
  let source: string;
  const dropDatabases: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'plantrack-cli-backup-'));
    source = join(root, 'source');
    const handle = openDatabase({ dataDir: source });
    await migrateToLatest(handle.db);
    const text = await readFile(SAMPLE, 'utf8');
    await importPlanVersion(handle.db, { model: ingestText(text), text, actor: 'test' });
    await mkdir(join(source, EVIDENCE_PATH, '..'), { recursive: true });
    await writeFile(join(source, EVIDENCE_PATH), EVIDENCE);
    await sql`insert into evidence_files (id, sha256, size_bytes, mime, original_name, storage_path, uploaded_at, uploaded_by)
      values ('e-1', ${EVIDENCE_SHA}, ${EVIDENCE.length}, 'application/pdf', '统计公报.pdf',
        ${`${EVIDENCE_SHA.slice(0, 2)}/${EVIDENCE_SHA}`}, '2026-03-01T08:00:00.000Z', 'test')`.execute(
      handle.db,
    );
    await handle.close();
  });

  afterAll(async () => {
    if (dropDatabases.length > 0) {
      const admin = openDatabase({ url: PG_SERVER });
      for (const name of dropDatabases)
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    }
    await rm(root, { recursive: true, force: true });
  });

  test('backs up the data folder and restores it into a new one', async () => {
    const file = join(root, 'a.backup.gz');
    const io = captureIo();
    expect(await runBackup({ out: file, dataDir: source }, io, {})).toBe(0);
    expect(io.out).toMatch(/已备份 \/ backed up: .*plantrack\.sqlite/);
    expect(io.out).toMatch(/\d+ 行 \/ rows/);
    expect(io.out).toContain('1 个佐证材料文件 / evidence files');
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const target = join(root, 'target');
    expect(await runRestore(file, { dataDir: target }, io, {})).toBe(0);
    expect(io.out).toContain('已恢复 / restored');
    expect(io.out).toContain('1 个佐证材料文件已校验并写入');
    expect(await contentOf({ dataDir: target })).toEqual(await contentOf({ dataDir: source }));
    expect((await readFile(join(target, EVIDENCE_PATH))).equals(EVIDENCE)).toBe(true);

    const again = captureIo();
    expect(await runRestore(file, { dataDir: target }, again, {})).toBe(1);
    expect(again.err).toContain('目标数据库已有数据');
    expect(again.err).toContain('already holds data');
  });

  test.skipIf(SKIP_POSTGRES)('moves a SQLite store to PostgreSQL (DATABASE_URL) and back', async () => {
    const name = `plantrack_cli_${process.pid}_${Date.now().toString(36)}`;
    const admin = openDatabase({ url: PG_SERVER });
    await sql`create database ${sql.id(name)} locale 'C.UTF-8' template template0`.execute(admin.db);
    await admin.close();
    dropDatabases.push(name);
    const url = new URL(PG_SERVER);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString() };

    const file = join(root, 'to-pg.backup.gz');
    const io = captureIo();
    expect(await runBackup({ out: file, dataDir: source }, io, {})).toBe(0);
    // With PostgreSQL the evidence files still live in the data folder, as `serve` keeps them.
    const pgData = join(root, 'pg-data');
    expect(await runRestore(file, { dataDir: pgData }, io, env)).toBe(0);
    expect(io.out).toContain('sqlite → postgres');
    expect(await contentOf({ url: url.toString() })).toEqual(await contentOf({ dataDir: source }));
    expect((await readFile(join(pgData, EVIDENCE_PATH))).equals(EVIDENCE)).toBe(true);

    const back = join(root, 'from-pg.backup.gz');
    expect(await runBackup({ out: back, dataDir: pgData }, io, env)).toBe(0);
    expect(await runRestore(back, { dataDir: join(root, 'back') }, io, {})).toBe(0);
    expect(await contentOf({ dataDir: join(root, 'back') })).toEqual(await contentOf({ dataDir: source }));
    expect((await readFile(join(root, 'back', EVIDENCE_PATH))).equals(EVIDENCE)).toBe(true);
  });

  test('a missing evidence file stops the backup (exit 1) unless --allow-missing-evidence', async () => {
    const hidden = join(root, 'hidden.pdf');
    await rename(join(source, EVIDENCE_PATH), hidden);
    try {
      const io = captureIo();
      const file = join(root, 'missing.backup.gz');
      expect(await runBackup({ out: file, dataDir: source }, io, {})).toBe(1);
      expect(io.err).toContain('有 1 个佐证材料文件不在存储目录');
      expect(io.err).toContain('统计公报.pdf');
      expect(io.err).toContain('--allow-missing-evidence');
      await expect(stat(file)).rejects.toThrow();

      const allowed = captureIo();
      expect(await runBackup({ out: file, dataDir: source, allowMissingEvidence: true }, allowed, {})).toBe(
        0,
      );
      expect(allowed.err).toContain('Warning: 1 evidence files are missing');
      const restore = captureIo();
      expect(await runRestore(file, { dataDir: join(root, 'missing-target') }, restore, {})).toBe(1);
      expect(restore.err).toContain('在备份时已经缺失');
      expect(restore.err).toContain('already missing when the backup was taken');
    } finally {
      await rename(hidden, join(source, EVIDENCE_PATH));
    }
  });

  test('refuses a damaged file and a missing database with a bilingual message, exit 1', async () => {
    const bad = join(root, 'bad.backup.gz');
    await writeFile(bad, 'not a backup');
    const io = captureIo();
    expect(await runRestore(bad, { dataDir: join(root, 'never') }, io, {})).toBe(1);
    expect(io.err).toContain('不是 PlanTrack 备份文件');
    expect(io.err).toContain('Not a PlanTrack backup file');

    const none = captureIo();
    expect(await runBackup({ out: join(root, 'x.gz'), dataDir: join(root, 'empty') }, none, {})).toBe(1);
    expect(none.err).toContain('没有找到数据库');
    expect(none.err).toContain('No database found');
  });
});
