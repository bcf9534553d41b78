import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EvidenceReference } from './backup-files.checker.js';
import { BackupError } from './backup.errors.js';
import { evidenceFileIn } from './evidence-paths.js';

/** A file staged under its final path's name. */
type Staged = { path: string; temporary: string };

/**
 * Writes a backup's evidence files into an evidence folder so that a failed restore leaves no
 * trace: each file goes to a private staging folder (`.restore-…`, mode 0700, files 0600) as its
 * chunks arrive, and {@link commit} renames them into place only when every row and file has been
 * read and checked. {@link abort} removes the staging folder and every file this restore placed.
 */
export class EvidenceRestorer {
  private staging: string | undefined;
  private current: { handle: FileHandle; staged: Staged } | undefined;
  private readonly staged: Staged[] = [];
  private readonly placed: string[] = [];
  files = 0;
  bytes = 0;

  constructor(private readonly dir: string) {}

  async open(path: string): Promise<void> {
    const staging = await this.stagingFolder();
    const temporary = join(staging, `${this.staged.length}`);
    const handle = await guard(this.dir, () => open(temporary, 'wx', 0o600));
    this.current = { handle, staged: { path, temporary } };
  }

  async write(bytes: Buffer): Promise<void> {
    const current = this.current as { handle: FileHandle };
    await guard(this.dir, () => current.handle.write(bytes));
    this.bytes += bytes.length;
  }

  /** The file's bytes are complete and were checked by the reader. */
  async close(): Promise<void> {
    const current = this.current as { handle: FileHandle; staged: Staged };
    this.current = undefined;
    await guard(this.dir, async () => {
      await current.handle.sync();
      await current.handle.close();
    });
    this.staged.push(current.staged);
    this.files += 1;
  }

  /** Moves every staged file to its place in the evidence folder. */
  async commit(): Promise<void> {
    for (const { path, temporary } of this.staged) {
      const target = evidenceFileIn(this.dir, path);
      const existed = await isFile(target);
      await guard(this.dir, async () => {
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        await rename(temporary, target);
      });
      if (!existed) this.placed.push(target);
    }
    await this.removeStaging();
  }

  /** Undoes everything: the staging folder and the files placed by {@link commit}. */
  async abort(): Promise<void> {
    await this.current?.handle.close().catch(() => undefined);
    this.current = undefined;
    for (const target of this.placed) await rm(target, { force: true });
    await this.removeStaging();
  }

  private async stagingFolder(): Promise<string> {
    if (this.staging === undefined) {
      await guard(this.dir, () => mkdir(this.dir, { recursive: true, mode: 0o700 }));
      this.staging = await guard(this.dir, () => mkdtemp(join(this.dir, '.restore-')));
    }
    return this.staging;
  }

  private async removeStaging(): Promise<void> {
    if (this.staging !== undefined) await rm(this.staging, { recursive: true, force: true });
    this.staging = undefined;
  }
}

/**
 * The evidence files that are not in `dir` with the right content — for a backup that does not
 * carry them (format 1, or declared missing), whose files the operator may have copied over.
 */
export async function absentEvidence(
  dir: string,
  references: readonly EvidenceReference[],
): Promise<EvidenceReference[]> {
  const absent: EvidenceReference[] = [];
  for (const ref of references) {
    const path = evidenceFileIn(dir, ref.path);
    if (!(await isFile(path)) || (await sha256OfFile(path)) !== ref.sha256) absent.push(ref);
  }
  return absent;
}

/** Lists at most this many files by name; the count covers all. */
const LISTED = 10;

/** The refusal of a restore that would leave evidence rows without their files. */
export function evidenceNotRestorable(
  absent: readonly EvidenceReference[],
  dir: string,
  carriesFiles: boolean,
): BackupError {
  const listed = absent.slice(0, LISTED).map((m) => `  ${m.path}`);
  if (absent.length > LISTED) listed.push(`  … +${absent.length - LISTED}`);
  const why = carriesFiles
    ? {
        zh: '这些文件在备份时已经缺失',
        en: 'these files were already missing when the backup was taken',
      }
    : {
        zh: '此备份为旧格式（版本 1），只含数据行、不含文件；请先把原数据目录的 evidence 文件夹复制到目标位置',
        en: 'this backup is in the old format (version 1), which holds rows but no files; copy the old data folder’s evidence folder to the target first',
      };
  return new BackupError('evidence-missing', {
    zh: `恢复未进行：有 ${absent.length} 个佐证材料文件既不在备份中、也不在目标存储目录 ${dir} 中（${why.zh}）：\n${listed.join('\n')}`,
    en: `Nothing was restored: ${absent.length} evidence files are neither in the backup nor in the target evidence folder ${dir} (${why.en}):\n${listed.join('\n')}`,
  });
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Runs a file-system step; a folder that cannot be written is named in Chinese and English. */
async function guard<T>(dir: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new BackupError(
      'evidence-folder-unwritable',
      {
        zh: `无法写入佐证材料目录 ${dir}：${(error as Error).message}`,
        en: `The evidence folder ${dir} cannot be written: ${(error as Error).message}`,
      },
      { cause: error },
    );
  }
}
