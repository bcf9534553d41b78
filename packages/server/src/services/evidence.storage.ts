import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { StorageError } from '@plantrack/db';

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where content with this hash lives, relative to the evidence folder: `ab/abcdef…`. */
export function storagePathOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/**
 * Stores content under its SHA-256 in `dir`. The bytes go to a temporary file in the same folder
 * first and are renamed into place, so a crash never leaves a half-written file under a real
 * name; content already stored is not written again.
 */
export async function storeContent(dir: string, sha256: string, bytes: Buffer): Promise<string> {
  const relative = storagePathOf(sha256);
  const target = join(dir, relative);
  if (await exists(target)) return relative;
  // Evidence may hold personal data: folders and files are the service user's alone.
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(target), `.upload-${randomBytes(8).toString('hex')}`);
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
  const root = resolve(dir);
  const path = resolve(root, relative);
  if (!path.startsWith(root + sep)) throw new Error(`Evidence path escapes its folder: ${relative}`);
  return (await exists(path)) ? createReadStream(path) : null;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
