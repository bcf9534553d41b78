import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { StorageError } from '@plantrack/db';

/** The SHA-256 of uploaded bytes, hex: the name the content is stored under. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Name prefix of the temporary file an upload writes before renaming it into place; the start-up
 * cleanup (`evidence-cleanup.ts`) removes files with this prefix that a killed process left.
 */
export const TEMPORARY_FILE_PREFIX = '.upload-';

/** Where content with this hash lives, relative to the evidence folder: `ab/abcdef…`. */
export function storagePathOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/**
 * Stores content under its SHA-256 in `dir`. The bytes go to a temporary file in the same folder
 * first and are renamed into place, so a crash never leaves a half-written file under a real
 * name; content already stored is not written again, but its modification time is renewed: the
 * start-up cleanup spares unreferenced files younger than its grace period, and this upload's row
 * may not be committed yet.
 */
export async function storeContent(dir: string, sha256: string, bytes: Buffer): Promise<string> {
  const relative = storagePathOf(sha256);
  const target = join(dir, relative);
  if (await renewed(target)) return relative;
  // Evidence may hold personal data: folders and files are the service user's alone.
  await mkdir(dirname(target), { recursive: true, mode: 0o700 }).catch(async (error: unknown) => {
    // A recursive mkdir on a read-only file system reports ENOENT; the folder's own check says EROFS.
    await access(dir, constants.W_OK);
    throw error;
  });
  const temporary = join(dirname(target), `${TEMPORARY_FILE_PREFIX}${randomBytes(8).toString('hex')}`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx', mode: 0o600 });
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
  return relative;
}

/**
 * Creates the evidence folder (mode 0700) when it does not exist, so that a data folder where it
 * cannot be created is reported at start-up rather than at the first upload.
 */
export async function prepareEvidenceDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new StorageError('evidence-dir-unwritable', {
      zh: `无法创建佐证材料目录：${dir}（${detail}）。请检查数据目录是否可写。`,
      en: `The evidence folder cannot be created: ${dir} (${detail}). Check that the data folder is writable.`,
    });
  }
}

/** A read stream of stored content, or null when it is missing; the path must stay inside `dir`. */
export async function openContent(dir: string, relative: string): Promise<Readable | null> {
  const path = insideFolder(dir, relative);
  return (await exists(path)) ? createReadStream(path) : null;
}

/** Deletes stored content (a redaction whose bytes no other row holds); missing content is fine. */
export async function removeContent(dir: string, relative: string): Promise<void> {
  await rm(insideFolder(dir, relative), { force: true });
}

const contentLocks = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after any other work on the same content in this process has finished. Storage is
 * shared by content, so an upload (store the bytes, then insert the row) and a redaction (mark the
 * row, count who else holds the bytes, delete them) of the same bytes must not interleave, or the
 * upload's new row could name bytes the redaction has just deleted. The lock holds within one
 * server process; two servers sharing one evidence folder are not serialised by it.
 */
export async function withContentLock<T>(sha256: string, work: () => Promise<T>): Promise<T> {
  const before = contentLocks.get(sha256) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  contentLocks.set(sha256, settled);
  try {
    return await run;
  } finally {
    if (contentLocks.get(sha256) === settled) contentLocks.delete(sha256);
  }
}

function insideFolder(dir: string, relative: string): string {
  const root = resolve(dir);
  const path = resolve(root, relative);
  if (!path.startsWith(root + sep)) throw new Error(`Evidence path escapes its folder: ${relative}`);
  return path;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Renews the modification time of stored content; false when there is none. A file the process
 * may not touch (owned by another user, read-only folder) still counts as stored: renewing only
 * narrows the cleanup's window and must not fail an upload the content is already there for.
 */
async function renewed(path: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(path, now, now);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    return exists(path);
  }
}
