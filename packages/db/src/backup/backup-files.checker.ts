import { type Hash, createHash } from 'node:crypto';
import type { BilingualMessage } from '@plantrack/core';
import type { BackupCell, BackupHeader, BackupTableEntry, BackupTrailer } from './backup-format.js';
import { type BackupError, corruptBackup } from './backup.errors.js';
import { evidencePathProblem } from './evidence-paths.js';

/** What the file section of a backup yields, in file order. */
export type BackupFileRecord =
  | { kind: 'file'; path: string; sha256: string; size: number }
  | { kind: 'file-data'; bytes: Buffer }
  /** The file's bytes are complete and hash to its checksum, which its evidence rows name. */
  | { kind: 'file-end'; path: string; sha256: string; size: number }
  | { kind: 'missing-file'; path: string; sha256: string };

/** A file an evidence row points at. */
export type EvidenceReference = { path: string; sha256: string };

/**
 * The evidence files a backup's rows point at (`evidence_files.storage_path` → `sha256`), noted as
 * the rows stream past. Rows come before files, so every file can be checked against them.
 */
export class EvidenceLedger {
  readonly expected = new Map<string, string>();
  private readonly table: BackupTableEntry | undefined;
  private readonly pathColumn: number;
  private readonly shaColumn: number;
  /** `redacted_at`: a redacted row's bytes were removed on purpose and are not carried. */
  private readonly redactedColumn: number;

  constructor(
    header: BackupHeader,
    private readonly file: string,
  ) {
    this.table = header.tables.find((t) => t.name === 'evidence_files');
    this.pathColumn = this.table?.columns.indexOf('storage_path') ?? -1;
    this.shaColumn = this.table?.columns.indexOf('sha256') ?? -1;
    this.redactedColumn = this.table?.columns.indexOf('redacted_at') ?? -1;
  }

  noteRow(table: BackupTableEntry, cells: readonly BackupCell[]): void {
    if (table !== this.table || this.pathColumn < 0 || this.shaColumn < 0) return;
    if (this.redactedColumn >= 0 && cells[this.redactedColumn] != null) return;
    const path = cells[this.pathColumn];
    const sha256 = cells[this.shaColumn];
    if (typeof path !== 'string' || typeof sha256 !== 'string') {
      throw this.corrupt({
        zh: '佐证材料记录缺少路径或校验和',
        en: 'an evidence row lacks its path or checksum',
      });
    }
    const problem = evidencePathProblem(path, sha256);
    if (problem !== null) {
      throw this.corrupt({
        zh: `佐证材料记录的路径无效：${path}`,
        en: `an evidence row's path is unusable (${problem}): ${path}`,
      });
    }
    const known = this.expected.get(path);
    if (known !== undefined && known !== sha256) {
      throw this.corrupt({
        zh: `同一文件 ${path} 有两个校验和`,
        en: `two checksums for the same file ${path}`,
      });
    }
    this.expected.set(path, sha256);
  }

  /** Evidence rows' files, sorted by path. */
  references(): EvidenceReference[] {
    return [...this.expected]
      .map(([path, sha256]) => ({ path, sha256 }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private corrupt(detail: BilingualMessage): BackupError {
    return corruptBackup(this.file, detail);
  }
}

type OpenFile = { path: string; sha256: string; size: number; received: number; hash: Hash };

/**
 * Follows the file section of a version-2 backup: each file's bytes must add up to its size and
 * hash to its checksum, which must be the one its evidence rows name; at the end every file the
 * rows point at must have been carried or declared missing, and the trailer's counts must agree.
 */
export class FileSectionChecker {
  private current: OpenFile | null = null;
  private readonly seen = new Set<string>();
  private files = 0;
  private bytes = 0;
  readonly missing: EvidenceReference[] = [];

  constructor(
    private readonly file: string,
    private readonly ledger: EvidenceLedger,
  ) {}

  /** True inside a file, where only its data lines may come. */
  inFile(): boolean {
    return this.current !== null;
  }

  /** True for a line that opens a file or declares one missing. */
  static starts(value: unknown): boolean {
    return typeof value === 'object' && value !== null && ('file' in value || 'missingFile' in value);
  }

  line(value: unknown): BackupFileRecord[] {
    if (this.current !== null) return this.data(this.current, value);
    const line = value as Record<string, unknown>;
    if (typeof line.missingFile === 'string' && typeof line.sha256 === 'string') {
      this.claim(line.missingFile, line.sha256);
      this.missing.push({ path: line.missingFile, sha256: line.sha256 });
      return [{ kind: 'missing-file', path: line.missingFile, sha256: line.sha256 }];
    }
    const { file: path, sha256, size } = line;
    if (typeof path !== 'string' || typeof sha256 !== 'string' || !isSize(size)) {
      throw this.corrupt({ zh: '某个文件记录无效', en: 'a file record is malformed' });
    }
    this.claim(path, sha256);
    const open: OpenFile = { path, sha256, size, received: 0, hash: createHash('sha256') };
    this.current = open;
    const opened: BackupFileRecord = { kind: 'file', path, sha256, size };
    return size === 0 ? [opened, this.close(open)] : [opened];
  }

  /** Checks the trailer's file counts and that no referenced file was left out. */
  finish(trailer: BackupTrailer): void {
    if (this.current !== null)
      throw this.corrupt({
        zh: `文件 ${this.current.path} 不完整`,
        en: `file ${this.current.path} is incomplete`,
      });
    const absent = [...this.ledger.expected.keys()].filter((p) => !this.seen.has(p));
    if (absent.length > 0) {
      throw this.corrupt({
        zh: `缺少 ${absent.length} 个佐证材料文件（如 ${absent[0] ?? ''}）`,
        en: `${absent.length} evidence files are missing from the backup (e.g. ${absent[0] ?? ''})`,
      });
    }
    if (
      trailer.files !== this.files ||
      trailer.fileBytes !== this.bytes ||
      trailer.missingFiles !== this.missing.length
    ) {
      throw this.corrupt({ zh: '结束标记的文件数不符', en: 'the end marker’s file counts do not match' });
    }
  }

  private data(open: OpenFile, value: unknown): BackupFileRecord[] {
    const d = (value as { d?: unknown } | null)?.d;
    if (typeof d !== 'string' || Object.keys(value as object).length !== 1) {
      throw this.corrupt({
        zh: `文件 ${open.path} 的内容被截断`,
        en: `the content of file ${open.path} is cut short`,
      });
    }
    const bytes = Buffer.from(d, 'base64');
    if (bytes.length === 0 || open.received + bytes.length > open.size) {
      throw this.corrupt({
        zh: `文件 ${open.path} 的内容无效`,
        en: `the content of file ${open.path} is malformed`,
      });
    }
    open.hash.update(bytes);
    open.received += bytes.length;
    const chunk: BackupFileRecord = { kind: 'file-data', bytes };
    return open.received === open.size ? [chunk, this.close(open)] : [chunk];
  }

  private close(open: OpenFile): BackupFileRecord {
    this.current = null;
    if (open.hash.digest('hex') !== open.sha256) {
      throw this.corrupt({
        zh: `佐证材料文件 ${open.path} 的内容与其校验和不符，文件被改动过`,
        en: `the content of evidence file ${open.path} does not match its checksum; the file was altered`,
      });
    }
    this.files += 1;
    this.bytes += open.size;
    return { kind: 'file-end', path: open.path, sha256: open.sha256, size: open.size };
  }

  /** A file must be one the rows point at, with the rows' checksum, and come only once. */
  private claim(path: string, sha256: string): void {
    const expected = this.ledger.expected.get(path);
    if (expected === undefined) {
      throw this.corrupt({
        zh: `文件 ${path} 不属于任何佐证材料记录`,
        en: `file ${path} belongs to no evidence row`,
      });
    }
    if (expected !== sha256) {
      throw this.corrupt({
        zh: `文件 ${path} 的校验和与佐证材料记录不符`,
        en: `the checksum of file ${path} differs from its evidence row`,
      });
    }
    if (this.seen.has(path))
      throw this.corrupt({ zh: `文件 ${path} 出现两次`, en: `file ${path} appears twice` });
    this.seen.add(path);
  }

  private corrupt(detail: BilingualMessage): BackupError {
    return corruptBackup(this.file, detail);
  }
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
