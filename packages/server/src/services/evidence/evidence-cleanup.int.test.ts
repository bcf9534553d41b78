import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../../db/src/testing/dialects.js';
import { insertEvidenceFile } from '@plantrack/db';
import { cleanEvidenceStore, describeEvidenceCleanup } from './evidence-cleanup.js';
import { TEMPORARY_FILE_PREFIX, sha256Of, storeContent, storagePathOf } from './evidence.storage.js';

const MINUTE = 60_000;
const GRACE = 10 * MINUTE;
const LONG_AGO = new Date(Date.now() - 60 * MINUTE);

/** Writes a file at `relative` under `dir` (folders made), optionally dated long ago. */
function plant(dir: string, relative: string, old = true): string {
  const path = join(dir, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, randomBytes(32));
  if (old) utimesSync(path, LONG_AGO, LONG_AGO);
  return path;
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed after the file's tests. */
function folder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), name));
  folders.push(dir);
  return dir;
}

function fakeSha256(prefix: string): string {
  return (prefix + randomBytes(32).toString('hex')).slice(0, 64);
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

forEachDialect((dialect, open) => {
  describe('the start-up cleanup of the evidence folder', () => {
    it('removes temporary uploads and old orphans, keeps referenced, young and foreign files', async () => {
      const handle = await open();
      const dir = folder(`plantrack-cleanup-${dialect}-`);
      const row = async (sha256: string) =>
        insertEvidenceFile(handle.db, {
          subjectKind: 'observation',
          subjectKey: 'i|2026|',
          revisionNo: 1,
          originalName: 'a.txt',
          mediaType: 'text/plain',
          sizeBytes: 32,
          sha256,
          storagePath: storagePathOf(sha256),
          uploadedBy: 'u',
          planId: null,
        });
      // One file shared by two rows, one referenced by a single row, both old.
      const shared = fakeSha256('ab');
      const single = fakeSha256('ab');
      await row(shared);
      await row(shared);
      await row(single);
      const kept = [storagePathOf(shared), storagePathOf(single)];
      for (const path of kept) plant(dir, path);
      const oldOrphan = fakeSha256('ab');
      const otherShardOrphan = fakeSha256('c7');
      plant(dir, storagePathOf(oldOrphan));
      plant(dir, storagePathOf(otherShardOrphan));
      const youngOrphan = fakeSha256('ab');
      plant(dir, storagePathOf(youngOrphan), false);
      const temporary = [
        `ab/${TEMPORARY_FILE_PREFIX}${randomBytes(8).toString('hex')}`,
        `c7/${TEMPORARY_FILE_PREFIX}${randomBytes(8).toString('hex')}`,
      ];
      for (const path of temporary) plant(dir, path, false);
      // Not this store's names: left alone whatever their age.
      const foreign = [
        'README.txt',
        `ab/${TEMPORARY_FILE_PREFIX}not-hex`,
        `ab/${fakeSha256('cd')}`,
        `zz/${fakeSha256('zz')}`,
        fakeSha256('ef'),
      ];
      for (const path of foreign) plant(dir, path);

      const result = await cleanEvidenceStore(handle.db, dir, { orphanGraceMs: GRACE });
      expect(result).toEqual({
        temporaryFiles: 2,
        orphanFiles: 2,
        youngOrphans: 1,
        keptUnclaimed: 0,
        failed: 0,
      });
      expect(allFiles(dir)).toEqual([...kept, storagePathOf(youngOrphan), ...foreign].sort());
      expect(describeEvidenceCleanup(result).join('\n')).toContain(
        '2 temporary files of interrupted uploads, 2 files no evidence record refers to',
      );

      // With no grace period (one server per folder) the young orphan goes too.
      const again = await cleanEvidenceStore(handle.db, dir, { orphanGraceMs: 0 });
      expect(again).toEqual({
        temporaryFiles: 0,
        orphanFiles: 1,
        youngOrphans: 0,
        keptUnclaimed: 0,
        failed: 0,
      });
      expect(allFiles(dir)).toEqual([...kept, ...foreign].sort());
      expect(describeEvidenceCleanup(await cleanEvidenceStore(handle.db, dir, { orphanGraceMs: 0 }))).toEqual(
        [],
      );
    });

    it('asks the database in batches when a folder holds many files', async () => {
      const handle = await open();
      const dir = folder(`plantrack-cleanup-${dialect}-`);
      const hashes = Array.from({ length: 1_203 }, () => fakeSha256('00'));
      const referenced = hashes.slice(0, 1_200);
      await handle.db.transaction().execute(async (trx) => {
        for (const sha256 of referenced) {
          await insertEvidenceFile(trx, {
            subjectKind: 'progress-report',
            subjectKey: 't|2026',
            revisionNo: 0,
            originalName: 'b.txt',
            mediaType: 'text/plain',
            sizeBytes: 32,
            sha256,
            storagePath: storagePathOf(sha256),
            uploadedBy: 'u',
            planId: null,
          });
        }
      });
      for (const sha256 of hashes) plant(dir, storagePathOf(sha256));
      const result = await cleanEvidenceStore(handle.db, dir, { orphanGraceMs: 0 });
      expect(result.orphanFiles).toBe(3);
      expect(allFiles(dir)).toEqual(referenced.map(storagePathOf).sort());
    });

    it('does nothing when the folder does not exist yet', async () => {
      const handle = await open();
      const dir = join(tmpdir(), `plantrack-absent-${randomBytes(6).toString('hex')}`);
      expect(await cleanEvidenceStore(handle.db, dir, { orphanGraceMs: 0 })).toEqual({
        temporaryFiles: 0,
        orphanFiles: 0,
        youngOrphans: 0,
        keptUnclaimed: 0,
        failed: 0,
      });
      expect(existsSync(dir)).toBe(false);
    });

    it('removes no file of a folder the database knows none of (another store’s folder)', async () => {
      const handle = await open();
      const dir = folder(`plantrack-cleanup-${dialect}-`);
      const files = [storagePathOf(fakeSha256('12')), storagePathOf(fakeSha256('9f'))];
      for (const path of files) plant(dir, path);
      const temporary = `12/${TEMPORARY_FILE_PREFIX}${randomBytes(8).toString('hex')}`;
      plant(dir, temporary);
      const result = await cleanEvidenceStore(handle.db, dir, { orphanGraceMs: 0 });
      expect(result).toEqual({
        temporaryFiles: 1,
        orphanFiles: 0,
        youngOrphans: 0,
        keptUnclaimed: 2,
        failed: 0,
      });
      expect(allFiles(dir)).toEqual(files.sort());
      expect(describeEvidenceCleanup(result).join('\n')).toContain('the folder may belong to another store');
    });
  });
});

describe('storing content that is already stored', () => {
  it('renews its modification time, so the grace period covers an upload about to commit its row', async () => {
    const dir = folder('plantrack-store-');
    const bytes = randomBytes(64);
    const sha256 = sha256Of(bytes);
    const path = join(dir, await storeContent(dir, sha256, bytes));
    utimesSync(path, LONG_AGO, LONG_AGO);
    expect(await storeContent(dir, sha256, bytes)).toBe(storagePathOf(sha256));
    expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(MINUTE);
  });
});
