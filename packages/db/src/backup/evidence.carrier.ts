import { createHash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import {
  type BackupDataLine,
  type BackupFileLine,
  type BackupMissingFileLine,
  FILE_CHUNK_BYTES,
} from './backup-format.js';
import { BackupError } from './backup.errors.js';
import { evidenceFileIn, evidencePathProblem } from './evidence-paths.js';

/** Where the evidence files are and what to do when one is missing. */
export type EvidenceBackupOptions = {
  /** The evidence folder (`<data dir>/evidence` for `plantrack serve`). */
  dir: string;
  /**
   * Write the backup even when files are missing, recording each as missing. Off by default: a
   * backup that silently lacks files is the failure this exists to prevent, and a refused
   * scheduled backup shows up as a failed job (exit 1) where a warning in an unread log would
   * not. When a file is truly lost, this still saves the rows and records the loss in the backup,
   * where a restore finds it again and asks for the same consent.
   */
  allowMissing?: boolean;
};

/** A file an evidence row points at, with one of the names it was uploaded under. */
export type EvidenceFileRef = { path: string; sha256: string; name: string };

/** What the file section of a backup holds. */
export type CarriedEvidence = { files: number; bytes: number; missing: EvidenceFileRef[] };

/** Distinct files read per query. */
const PAGE = 1000;

/**
 * Writes the file section of a backup: every distinct file the snapshot's `evidence_files` rows
 * point at, read in {@link FILE_CHUNK_BYTES} chunks (never whole) and hashed on the way; a file
 * whose bytes do not hash to its row's checksum is refused. Missing files are collected, recorded
 * when `allowMissing` is set, and refused afterwards otherwise (listing all of them at once).
 */
export async function carryEvidenceFiles<DB>(
  snapshot: Kysely<DB>,
  options: EvidenceBackupOptions,
  writeLine: (value: unknown) => Promise<void>,
): Promise<CarriedEvidence> {
  const carried: CarriedEvidence = { files: 0, bytes: 0, missing: [] };
  for await (const ref of evidenceFileRefs(snapshot)) {
    const problem = evidencePathProblem(ref.path, ref.sha256);
    if (problem !== null) throw unusableRow(ref, problem);
    const handle = await openIfPresent(evidenceFileIn(options.dir, ref.path));
    if (handle === null) {
      carried.missing.push(ref);
      if (options.allowMissing === true) {
        const line: BackupMissingFileLine = { missingFile: ref.path, sha256: ref.sha256 };
        await writeLine(line);
      }
      continue;
    }
    try {
      carried.bytes += await carryFile(handle, ref, writeLine);
      carried.files += 1;
    } finally {
      await handle.close();
    }
  }
  if (carried.missing.length > 0 && options.allowMissing !== true) {
    throw missingEvidence(carried.missing, options.dir);
  }
  return carried;
}

async function carryFile(
  handle: FileHandle,
  ref: EvidenceFileRef,
  writeLine: (value: unknown) => Promise<void>,
): Promise<number> {
  const { size } = await handle.stat();
  const opened: BackupFileLine = { file: ref.path, sha256: ref.sha256, size };
  await writeLine(opened);
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(Math.min(FILE_CHUNK_BYTES, Math.max(size, 1)));
  let done = 0;
  while (done < size) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - done), done);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    hash.update(chunk);
    const line: BackupDataLine = { d: chunk.toString('base64') };
    await writeLine(line);
    done += bytesRead;
  }
  if (done !== size || hash.digest('hex') !== ref.sha256) {
    throw new BackupError('evidence-damaged', {
      zh: `佐证材料文件已损坏（内容与校验和不符），备份已停止：${ref.path}（“${ref.name}”）。请从更早的备份中取回该文件。`,
      en: `An evidence file is damaged (its content does not match its checksum); the backup stopped: ${ref.path} (“${ref.name}”). Recover the file from an earlier backup.`,
    });
  }
  return size;
}

/** The distinct files of the evidence rows whose bytes exist (not redacted), by path, a page at a time. */
async function* evidenceFileRefs<DB>(db: Kysely<DB>): AsyncGenerator<EvidenceFileRef> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await sql<{ path: string; sha256: string; name: string }>`
      select storage_path as path, sha256, min(original_name) as name from evidence_files
      where redacted_at is null
      group by storage_path, sha256 order by storage_path, sha256
      limit ${sql.lit(PAGE)} offset ${sql.lit(offset)}
    `.execute(db);
    yield* page.rows;
    if (page.rows.length < PAGE) return;
  }
}

async function openIfPresent(path: string): Promise<FileHandle | null> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

/** Lists at most this many missing files by name; the count covers all. */
const LISTED = 10;

/** The refusal naming the missing files: code `evidence-missing`. */
export function missingEvidence(missing: readonly EvidenceFileRef[], dir: string): BackupError {
  const listed = missing.slice(0, LISTED).map((m) => `  ${m.path}（${m.name}）`);
  if (missing.length > LISTED) listed.push(`  … +${missing.length - LISTED}`);
  return new BackupError('evidence-missing', {
    zh: `有 ${missing.length} 个佐证材料文件不在存储目录 ${dir} 中，备份未写出：\n${listed.join('\n')}`,
    en: `${missing.length} evidence files are not in the evidence folder ${dir}; no backup was written:\n${listed.join('\n')}`,
  });
}

function unusableRow(ref: EvidenceFileRef, problem: string): BackupError {
  return new BackupError('evidence-damaged', {
    zh: `佐证材料记录的存储路径无效，备份已停止：${ref.path}（“${ref.name}”）`,
    en: `An evidence row's storage path is unusable (${problem}); the backup stopped: ${ref.path} (“${ref.name}”)`,
  });
}
