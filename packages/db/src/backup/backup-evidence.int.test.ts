import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connection.factory.js';
import type { Database } from '../schema/database.schema.js';
import { forEachDialect } from '../testing/dialects.js';
import { writeBackup } from './backup.writer.js';
import { restoreBackup } from './restore.js';
import { appliedMigrations } from './table-catalog.js';

/** Synthetic evidence: an empty file, a small one, one over five backup chunks, and a duplicate. */
const CONTENTS: [string, Buffer][] = [
  ['空白.txt', Buffer.alloc(0)],
  ['说明.txt', Buffer.from('测试用佐证材料说明', 'utf8')],
  ['扫描件.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024 * 1024 + 17)])],
  ['说明（副本）.txt', Buffer.from('测试用佐证材料说明', 'utf8')],
];

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const pathOf = (sha: string): string => `${sha.slice(0, 2)}/${sha}`;

/** Stores a file as the server's evidence storage does (content-addressed) and adds its row. */
async function storeEvidence(db: Kysely<Database>, dir: string, name: string, bytes: Buffer): Promise<void> {
  const sha256 = sha256Of(bytes);
  mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
  writeFileSync(join(dir, pathOf(sha256)), bytes);
  await db
    .insertInto('evidence_files')
    .values({
      id: `e-${name}`,
      sha256,
      size_bytes: bytes.length,
      mime: 'application/octet-stream',
      original_name: name,
      storage_path: pathOf(sha256),
      uploaded_at: '2026-03-01T08:00:00.000Z',
      uploaded_by: 'test',
    })
    .execute();
}

function linesOf(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
}

/** Writes edited lines (trailer last, its checksum recomputed) as a backup that passes the line checksum. */
function rewrite(
  lines: readonly string[],
  out: string,
  trailerChanges: Record<string, unknown> = {},
): string {
  const body = lines
    .slice(0, -1)
    .map((l) => `${l}\n`)
    .join('');
  const trailer = { ...(JSON.parse(lines[lines.length - 1] ?? '{}') as object), ...trailerChanges };
  const sha256 = createHash('sha256').update(body).digest('hex');
  writeFileSync(out, gzipSync(`${body}${JSON.stringify({ ...trailer, sha256 })}\n`));
  return out;
}

async function rowCount(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from evidence_files`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Every regular file under a folder, by relative path. */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

const modeOf = (path: string): number => statSync(path).mode & 0o777;

forEachDialect((_name, open) => {
  describe('evidence files in backups', () => {
    const root = mkdtempSync(join(tmpdir(), 'plantrack-backup-evidence-'));
    const evidence = join(root, 'evidence');
    let source: DatabaseHandle;
    let good: string;
    let target: DatabaseHandle | undefined;
    const fresh = (): string => mkdtempSync(join(root, 'target-'));
    afterAll(() => {
      rmSync(root, { recursive: true, force: true });
    });
    beforeAll(async () => {
      source = await open();
      for (const [name, bytes] of CONTENTS) await storeEvidence(source.db, evidence, name, bytes);
      good = join(root, 'good.backup.gz');
      const written = await writeBackup(source.db, good, { evidence: { dir: evidence } });
      expect(written.evidence).toMatchObject({ files: 3, missing: [] });
    });

    it('restores every file byte for byte into a fresh folder, owner-only, leaving nothing else', async () => {
      expect(modeOf(good)).toBe(0o600);
      const db = await open({ migrate: false });
      const dir = join(fresh(), 'evidence');
      const restored = await restoreBackup(db.db, good, { evidenceDir: dir });
      expect(restored.evidence).toMatchObject({ carried: true, files: 3, missing: [] });
      expect(filesIn(dir)).toEqual(filesIn(evidence));
      for (const [, bytes] of CONTENTS) {
        expect(readFileSync(join(dir, pathOf(sha256Of(bytes)))).equals(bytes)).toBe(true);
      }
      expect(modeOf(dir)).toBe(0o700);
      for (const path of filesIn(dir)) {
        expect(modeOf(join(dir, path))).toBe(0o600);
        expect(modeOf(join(dir, path, '..'))).toBe(0o700);
      }
      expect(await rowCount(db.db)).toBe(CONTENTS.length);
    });

    const refusals: [string, () => string, string, RegExp, RegExp][] = [
      [
        'a file whose bytes were altered in the backup',
        () => {
          const lines = linesOf(good);
          const i = lines.findIndex((l) => l.startsWith('{"d":'));
          lines[i] = (lines[i] ?? '').replace(/"d":"(.)/, (_m, c: string) => `"d":"${c === 'A' ? 'B' : 'A'}`);
          return rewrite(lines, join(root, 'altered.gz'));
        },
        'backup-corrupt',
        /内容与其校验和不符/,
        /does not match its checksum/,
      ],
      [
        'a file replaced by other content with a matching checksum',
        () => {
          const lines = linesOf(good);
          const other = Buffer.from('伪造的内容', 'utf8');
          const i = lines.findIndex((l) => l.startsWith('{"file":') && l.includes('"size":27'));
          const line = JSON.parse(lines[i] ?? '{}') as { file: string };
          lines.splice(
            i,
            2,
            JSON.stringify({ file: line.file, sha256: sha256Of(other), size: other.length }),
          );
          lines.splice(i + 1, 0, JSON.stringify({ d: other.toString('base64') }));
          return rewrite(lines, join(root, 'swapped.gz'));
        },
        'backup-corrupt',
        /校验和与佐证材料记录不符/,
        /differs from its evidence row/,
      ],
      [
        'a backup from which a file was removed',
        () => {
          const lines = linesOf(good).filter((l) => !l.includes('"size":27') && !l.startsWith('{"d":"5rWL'));
          return rewrite(lines, join(root, 'dropped.gz'), { files: 2 });
        },
        'backup-corrupt',
        /缺少 1 个佐证材料文件/,
        /missing from the backup/,
      ],
      [
        'a backup whose evidence row breaks a constraint (its files were already staged)',
        () => {
          const lines = linesOf(good);
          const i = lines.findIndex((l) => l.startsWith('{"t":"evidence_files"'));
          lines[i] = (lines[i] ?? '').replace('"application/octet-stream"', 'null');
          return rewrite(lines, join(root, 'constraint.gz'));
        },
        'restore-failed',
        /未作任何更改/,
        /nothing was changed/,
      ],
    ];

    it.each(refusals)('refuses %s, writing neither rows nor files', async (_label, make, code, zh, en) => {
      target ??= await open({ migrate: false });
      const dir = join(fresh(), 'evidence');
      const error: unknown = await restoreBackup(target.db, make(), { evidenceDir: dir }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code });
      const messages = (error as { messages: { zh: string; en: string } }).messages;
      expect(messages.zh).toMatch(zh);
      expect(messages.en).toMatch(en);
      expect(await rowCount(target.db).catch(() => 0)).toBe(0);
      // A damaged file is found before the target is touched; a failing row after the files were
      // staged, which are then removed with the staging folder.
      if (code === 'backup-corrupt') expect(await appliedMigrations(target.db)).toEqual([]);
      expect(filesIn(dir)).toEqual([]);
    });

    it('stops a backup when a file is missing, naming it; records it only when told to', async () => {
      const gone = CONTENTS[1]?.[1] ?? Buffer.alloc(0);
      const dir = join(root, 'evidence-missing');
      cpSync(evidence, dir, { recursive: true });
      rmSync(join(dir, pathOf(sha256Of(gone))));
      const file = join(root, 'missing.backup.gz');
      const error: unknown = await writeBackup(source.db, file, { evidence: { dir } }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'evidence-missing' });
      const messages = (error as { messages: { zh: string; en: string } }).messages;
      expect(messages.zh).toContain('有 1 个佐证材料文件不在存储目录');
      expect(messages.zh).toContain(pathOf(sha256Of(gone)));
      expect(messages.en).toContain('no backup was written');
      expect(readdirSync(root).filter((f) => f.startsWith('missing.backup'))).toEqual([]);

      const written = await writeBackup(source.db, file, { evidence: { dir, allowMissing: true } });
      expect(written.evidence.missing.map((m) => m.path)).toEqual([pathOf(sha256Of(gone))]);

      // The restore refuses before touching anything, unless it too is told to go on.
      const db = await open({ migrate: false });
      const targetDir = join(fresh(), 'evidence');
      await expect(restoreBackup(db.db, file, { evidenceDir: targetDir })).rejects.toMatchObject({
        code: 'evidence-missing',
        messages: { zh: expect.stringContaining('在备份时已经缺失') as unknown },
      });
      expect(await appliedMigrations(db.db)).toEqual([]);
      const restored = await restoreBackup(db.db, file, {
        evidenceDir: targetDir,
        allowMissingEvidence: true,
      });
      expect(restored.evidence.missing.map((m) => m.path)).toEqual([pathOf(sha256Of(gone))]);
      expect(filesIn(targetDir)).toHaveLength(2);
    });

    it('stops a backup when a stored file no longer matches its checksum', async () => {
      const dir = join(root, 'evidence-damaged');
      cpSync(evidence, dir, { recursive: true });
      writeFileSync(join(dir, pathOf(sha256Of(CONTENTS[1]?.[1] ?? Buffer.alloc(0)))), '被改动');
      await expect(
        writeBackup(source.db, join(root, 'damaged.gz'), { evidence: { dir, allowMissing: true } }),
      ).rejects.toMatchObject({
        code: 'evidence-damaged',
        messages: { zh: expect.stringContaining('已损坏') as unknown },
      });
      expect(existsSync(join(root, 'damaged.gz.partial'))).toBe(false);
    });

    it('restores a format-1 backup (rows only) once the evidence folder holds its files', async () => {
      const lines = linesOf(good).filter((l) => !l.startsWith('{"file":') && !l.startsWith('{"d":'));
      const header = JSON.parse(lines[0] ?? '{}') as { formatVersion: number };
      lines[0] = JSON.stringify({ ...header, formatVersion: 1 });
      const trailer = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
      lines[lines.length - 1] = JSON.stringify({ end: trailer.end, rows: trailer.rows, sha256: '' });
      const v1 = rewrite(lines, join(root, 'v1.gz'));

      const db = await open({ migrate: false });
      const dir = join(fresh(), 'evidence');
      await expect(restoreBackup(db.db, v1, { evidenceDir: dir })).rejects.toMatchObject({
        code: 'evidence-missing',
        messages: {
          zh: expect.stringContaining('版本 1') as unknown,
          en: expect.stringContaining('version 1') as unknown,
        },
      });
      expect(await appliedMigrations(db.db)).toEqual([]);
      cpSync(evidence, dir, { recursive: true });
      const restored = await restoreBackup(db.db, v1, { evidenceDir: dir });
      expect(restored.evidence).toMatchObject({ carried: false, files: 0, missing: [] });
      expect(await rowCount(db.db)).toBe(CONTENTS.length);
    });
  });
});
