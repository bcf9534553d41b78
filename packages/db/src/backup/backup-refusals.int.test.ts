import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connection.factory.js';
import * as observations from '../repositories/records/observation.repository.js';
import type { Database } from '../schema/database.schema.js';
import { forEachDialect } from '../testing/dialects.js';
import { seedSamplePlan } from '../testing/seed.js';
import { BACKUP_FORMAT_VERSION } from './backup-format.js';
import { writeBackup } from './backup.writer.js';
import { restoreBackup } from './restore.js';
import { appliedMigrations, dataTables } from './table-catalog.js';

/** The JSON lines of a backup, the trailer last. */
function linesOf(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
}

/** Writes edited lines back as a well-formed backup (a fresh trailer with the right checksum). */
function rewrite(file: string, lines: readonly string[], out: string): string {
  const body = lines.map((l) => `${l}\n`).join('');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const trailer = {
    end: 'plantrack-backup',
    rows: lines.length - 1,
    files: 0,
    fileBytes: 0,
    missingFiles: 0,
    sha256,
  };
  writeFileSync(out, gzipSync(`${body}${JSON.stringify(trailer)}\n`));
  return out;
}

async function rowCount(db: Kysely<Database>): Promise<number> {
  let n = 0;
  for (const table of await dataTables(db)) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)}`.execute(
      db,
    );
    n += Number(r.rows[0]?.n ?? 0);
  }
  return n;
}

forEachDialect((_name, open) => {
  describe('restore refuses bad backups and leaves the target empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plantrack-refuse-'));
    let good: string;
    let content: string[];
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    beforeAll(async () => {
      const source: DatabaseHandle = await open();
      const seeded = await seedSamplePlan(source);
      const ref = { indicatorId: seeded.indicatorIds[0] ?? '', period: '2026' };
      await observations.submit(source.db, { ref, actor: 'r', expectedRevision: 0, values: { value: 1 } });
      good = join(dir, 'good.gz');
      await writeBackup(source.db, good, { evidence: { dir: join(dir, 'evidence') } });
      content = linesOf(good).slice(0, -1);
    });

    const cases: [string, () => string, string, RegExp][] = [
      ['a missing file', () => join(dir, 'absent.gz'), 'backup-missing', /无法读取备份文件/],
      [
        'a file cut short inside the gzip stream',
        () => {
          const bytes = readFileSync(good);
          writeFileSync(join(dir, 'cut.gz'), bytes.subarray(0, Math.floor(bytes.length / 2)));
          return join(dir, 'cut.gz');
        },
        'backup-truncated',
        /不完整/,
      ],
      [
        'a file that ends at a line boundary without its end marker',
        () => {
          writeFileSync(
            join(dir, 'no-end.gz'),
            gzipSync(
              content
                .slice(0, 40)
                .map((l) => `${l}\n`)
                .join(''),
            ),
          );
          return join(dir, 'no-end.gz');
        },
        'backup-truncated',
        /不完整/,
      ],
      [
        'damaged compressed bytes',
        () => {
          const bytes = Buffer.from(readFileSync(good));
          for (let i = 20; i < bytes.length - 200; i += 997) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
          writeFileSync(join(dir, 'flipped.gz'), bytes);
          return join(dir, 'flipped.gz');
        },
        'backup-corrupt',
        /损坏/,
      ],
      [
        'a row changed after the backup was written (checksum mismatch)',
        () => {
          const lines = linesOf(good);
          const i = lines.findIndex((l) => l.startsWith('{"t":"observations"'));
          lines[i] = (lines[i] ?? '').replace('"submitted"', '"approved"');
          writeFileSync(join(dir, 'edited.gz'), gzipSync(lines.map((l) => `${l}\n`).join('')));
          return join(dir, 'edited.gz');
        },
        'backup-corrupt',
        /校验和/,
      ],
      [
        'a plain text file',
        () => {
          writeFileSync(join(dir, 'notes.txt'), '这不是备份 / not a backup');
          return join(dir, 'notes.txt');
        },
        'backup-wrong-format',
        /不是 PlanTrack 备份文件/,
      ],
      [
        'a gzip file of something else',
        () => {
          writeFileSync(join(dir, 'other.gz'), gzipSync('{"hello":"world"}\n'));
          return join(dir, 'other.gz');
        },
        'backup-wrong-format',
        /不是 PlanTrack 备份文件/,
      ],
      [
        'a backup made by a newer schema',
        () => {
          const header = JSON.parse(content[0] ?? '{}') as { migrations: string[] };
          header.migrations.push('9999-from-the-future');
          return rewrite(good, [JSON.stringify(header), ...content.slice(1)], join(dir, 'newer-schema.gz'));
        },
        'backup-newer-schema',
        /更新版本/,
      ],
      [
        'a backup in a newer format version',
        () => {
          const header = JSON.parse(content[0] ?? '{}') as { formatVersion: number };
          header.formatVersion = BACKUP_FORMAT_VERSION + 1;
          return rewrite(good, [JSON.stringify(header), ...content.slice(1)], join(dir, 'newer-format.gz'));
        },
        'backup-newer-format',
        /升级/,
      ],
      [
        'a well-formed backup whose rows break a constraint (rolled back)',
        () => {
          const lines = [...content];
          const i = lines.findIndex((l) => l.startsWith('{"t":"observations"'));
          lines[i] = (lines[i] ?? '').replace('"submitted"', '"bogus"');
          return rewrite(good, lines, join(dir, 'constraint.gz'));
        },
        'restore-failed',
        /未作任何更改/,
      ],
      [
        'a well-formed backup naming a table this schema lacks',
        () => {
          const header = JSON.parse(content[0] ?? '{}') as {
            tables: { name: string; columns: string[]; rows: number }[];
          };
          header.tables.push({ name: 'no_such_table', columns: ['id'], rows: 0 });
          return rewrite(good, [JSON.stringify(header), ...content.slice(1)], join(dir, 'extra-table.gz'));
        },
        'backup-schema-mismatch',
        /结构不符/,
      ],
    ];

    // One target for all cases (each PostgreSQL database costs a create and a drop): every refusal
    // must leave it as empty as it found it.
    let target: DatabaseHandle | undefined;
    it.each(cases)('refuses %s', async (_label, make, code, zh) => {
      target ??= await open({ migrate: false });
      const error: unknown = await restoreBackup(target.db, make(), {
        evidenceDir: join(dir, 'restored'),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code });
      const messages = (error as { messages: { zh: string; en: string } }).messages;
      expect(messages.zh).toMatch(zh);
      expect(messages.en.length).toBeGreaterThan(10);
      expect(await rowCount(target.db)).toBe(0);
      // The file is checked before the target is touched: only a sound file gets it migrated.
      if (!['restore-failed', 'backup-schema-mismatch'].includes(code)) {
        expect(await appliedMigrations(target.db)).toEqual([]);
      }
    });
  });
});
