import { type DatabaseHandle, referencedEvidenceContent } from '@plantrack/db';
import type { Dirent } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMPORARY_FILE_PREFIX } from './evidence.storage.js';

/** What the start-up cleanup of the evidence folder did. */
export type EvidenceCleanup = {
  /** Temporary upload files removed (an upload interrupted before its rename). */
  temporaryFiles: number;
  /** Content files no evidence row refers to, older than the grace period, removed. */
  orphanFiles: number;
  /** Unreferenced content files spared because they are younger than the grace period. */
  youngOrphans: number;
  /**
   * Unreferenced content files kept because the database refers to no file in the folder at all
   * (the folder probably belongs to another store).
   */
  keptUnclaimed: number;
  /** Files that should have been removed but could not be (permissions, read-only folder). */
  failed: number;
};

export type EvidenceCleanupOptions = {
  /** Unreferenced content younger than this (ms, by modification time) is kept. */
  orphanGraceMs: number;
  /** The current time (ms since the epoch); a parameter so tests can move it. */
  now?: number;
};

const SHARD = /^[0-9a-f]{2}$/;
const CONTENT = /^[0-9a-f]{64}$/;
const TEMPORARY = new RegExp(`^${TEMPORARY_FILE_PREFIX.replace('.', '\\.')}[0-9a-f]{16}$`);

/**
 * Removes what a killed process can leave in the content-addressed evidence folder
 * (`ab/abcdef…`, see `evidence.storage.ts`), before the server accepts requests:
 *
 * - temporary upload files (`ab/.upload-<16 hex>`), of any age: an upload writes one, then renames
 *   it into place, so one that is still there was interrupted. Only this exact name pattern is
 *   touched. A second server sharing the folder that is writing one right now loses that upload
 *   with an error (its rename fails) — never an acknowledged one;
 * - content files (`ab/<64 hex>`) that no evidence row refers to: an upload stores the bytes first
 *   and commits its row afterwards, so a kill in between leaves an orphan. Rows are matched by
 *   SHA-256 (several rows may share one file). A file younger than `orphanGraceMs` is kept: another
 *   process sharing the folder may have stored it and not yet committed the row that refers to it
 *   (storing content that already exists renews its modification time for the same reason).
 *   When the database refers to none of the folder's files, none is removed (see below).
 *
 * Nothing else in the folder is touched. Multipart uploads leave no temporary files to clean:
 * the routes read the one file part into memory (`request.file()` then `toBuffer()`), and
 * `saveRequestFiles()`, which would write parts to the system's temporary folder, is not used.
 * A file that cannot be removed is counted, not thrown: an orphan costs disk space only, and the
 * server should still start.
 */
export async function cleanEvidenceStore(
  db: DatabaseHandle['db'],
  dir: string,
  options: EvidenceCleanupOptions,
): Promise<EvidenceCleanup> {
  const result: EvidenceCleanup = {
    temporaryFiles: 0,
    orphanFiles: 0,
    youngOrphans: 0,
    keptUnclaimed: 0,
    failed: 0,
  };
  const cutoff = (options.now ?? Date.now()) - options.orphanGraceMs;
  const orphans: { path: string; modified: number }[] = [];
  let referencedFiles = 0;
  for (const shard of await entries(dir)) {
    if (!shard.isDirectory() || !SHARD.test(shard.name)) continue;
    const folder = join(dir, shard.name);
    const content: string[] = [];
    for (const file of await entries(folder)) {
      if (!file.isFile()) continue;
      if (TEMPORARY.test(file.name)) {
        if (await removed(join(folder, file.name))) result.temporaryFiles += 1;
        else result.failed += 1;
      } else if (CONTENT.test(file.name) && file.name.startsWith(shard.name)) {
        content.push(file.name);
      }
    }
    if (content.length === 0) continue;
    const referenced = await referencedEvidenceContent(db, content);
    referencedFiles += referenced.size;
    for (const sha256 of content) {
      if (referenced.has(sha256)) continue;
      const path = join(folder, sha256);
      const modified = await modifiedAt(path);
      if (modified !== null) orphans.push({ path, modified });
    }
  }
  // A crash leaves a few orphans beside many referenced files. A folder none of whose files the
  // database knows is more likely another store's (a new DATABASE_URL with the old data folder,
  // a restore not yet run): removing its files would destroy evidence, so they are kept.
  if (referencedFiles === 0) {
    result.keptUnclaimed = orphans.length;
    return result;
  }
  for (const { path, modified } of orphans) {
    if (modified > cutoff) result.youngOrphans += 1;
    else if (await removed(path)) result.orphanFiles += 1;
    else result.failed += 1;
  }
  return result;
}

/** The start-up lines (zh / en) for a cleanup; none when there was nothing to do. */
export function describeEvidenceCleanup(result: EvidenceCleanup): string[] {
  const lines: string[] = [];
  if (result.temporaryFiles > 0 || result.orphanFiles > 0) {
    lines.push(
      `已清理佐证材料目录：${result.temporaryFiles} 个中断上传的临时文件，${result.orphanFiles} 个无记录引用的文件 / ` +
        `Evidence folder cleaned: ${result.temporaryFiles} temporary files of interrupted uploads, ` +
        `${result.orphanFiles} files no evidence record refers to`,
    );
  }
  if (result.youngOrphans > 0) {
    lines.push(
      `${result.youngOrphans} 个无记录引用的文件未满宽限期，暂予保留 / ` +
        `${result.youngOrphans} files no evidence record refers to are younger than the grace period and were kept`,
    );
  }
  if (result.keptUnclaimed > 0) {
    lines.push(
      `佐证材料目录中的 ${result.keptUnclaimed} 个文件均无本数据库的记录引用，目录可能属于另一个数据库，未删除任何文件 / ` +
        `None of the ${result.keptUnclaimed} files in the evidence folder is referred to by this database; ` +
        'the folder may belong to another store, so nothing was removed',
    );
  }
  if (result.failed > 0) {
    lines.push(
      `有 ${result.failed} 个遗留文件无法删除（请检查佐证材料目录的权限） / ` +
        `${result.failed} leftover files could not be removed (check the evidence folder's permissions)`,
    );
  }
  return lines;
}

/** The entries of a folder; none when it does not exist (yet) or cannot be read. */
async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function modifiedAt(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

async function removed(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    // Gone already (another process cleaned it): nothing was left behind.
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
