import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupCell,
  type BackupHeader,
  type BackupTableEntry,
  type BackupTrailer,
  FILES_FORMAT_VERSION,
  headerProblem,
  isCell,
} from './backup-format.js';
import {
  type BackupFileRecord,
  EvidenceLedger,
  type EvidenceReference,
  FileSectionChecker,
} from './backup-files.checker.js';
import { BackupError, corruptBackup, truncatedBackup, wrongFormat } from './backup.errors.js';

/**
 * What reading a backup yields: the header first, then every row in file order, then (format 2)
 * the evidence files, each opened, its bytes in chunks, and closed once its checksum held.
 */
export type BackupRecord =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'row'; table: BackupTableEntry; cells: BackupCell[] }
  | BackupFileRecord
  | ({ kind: 'end' } & BackupContents);

/** What a backup read to its end and found sound holds besides its rows. */
export type BackupContents = {
  /** Whether the backup carries the evidence files (format 2 and later). */
  carriesFiles: boolean;
  /** Every file the evidence rows point at. */
  evidence: EvidenceReference[];
  /** Files the backup declares were missing when it was taken. */
  missingFiles: EvidenceReference[];
};

/** A backup read to its end and found sound. */
export type VerifiedBackup = BackupContents & { header: BackupHeader };

/** Longest line accepted; the largest real row (an outline's text and model) is a few megabytes. */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * Reads and checks a backup as it streams: gzip integrity, the header, every row's table, order
 * and width, the per-table counts, each evidence file against its checksum and its rows, and the
 * trailer's counts and SHA-256; the last record (`end`) says what the backup holds besides rows.
 * Any fault throws a {@link BackupError} — at the latest when the stream ends, so a consumer that
 * writes rows or files as they come must keep them provisional until the `end` record.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupRecord> {
  await requireGzip(file);
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const check = new BackupChecker(file);
  try {
    for await (const line of splitLines(gunzip, file)) yield* check.line(line);
    yield { kind: 'end', ...check.end() };
  } catch (error) {
    const failure = asBackupError(error, file);
    // A gzip file whose first line is not our header is either another file or a damaged one:
    // only the whole stream's CRC tells them apart.
    if (
      failure instanceof BackupError &&
      failure.code === 'backup-wrong-format' &&
      !(await gzipIntact(file))
    ) {
      throw corruptBackup(file, { zh: '压缩数据已损坏', en: 'the compressed data is damaged' }, error);
    }
    throw failure;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** True when the whole file decompresses with a valid gzip checksum. */
async function gzipIntact(file: string): Promise<boolean> {
  try {
    await pipeline(
      createReadStream(file),
      createGunzip(),
      new Writable({
        write: (_chunk, _enc, next) => {
          next();
        },
      }),
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the whole backup without writing anything — every row, every file's bytes against its
 * checksum and its evidence rows — and returns what it holds when it is sound.
 */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  let header: BackupHeader | undefined;
  for await (const record of readBackup(file)) {
    if (record.kind === 'header') header = record.header;
    if (record.kind === 'end' && header !== undefined) {
      const { carriesFiles, evidence, missingFiles } = record;
      return { header, carriesFiles, evidence, missingFiles };
    }
  }
  throw truncatedBackup(file);
}

async function requireGzip(file: string): Promise<void> {
  let magic: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      magic = Buffer.alloc(2);
      const { bytesRead } = await handle.read(magic, 0, 2, 0);
      magic = magic.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new BackupError(
      'backup-missing',
      { zh: `无法读取备份文件：${file}`, en: `The backup file cannot be read: ${file}` },
      { cause: error },
    );
  }
  if (magic.length < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
    throw wrongFormat(file, { zh: '不是 gzip 压缩文件', en: 'not a gzip file' });
  }
}

async function* splitLines(stream: Readable, file: string): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, nl));
      yield Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) {
        throw corruptBackup(file, { zh: '出现超长的行', en: 'a line is implausibly long' });
      }
    }
  }
  // Every line the writer emits ends with a newline: a remainder means the file was cut short.
  if (pendingBytes > 0) throw truncatedBackup(file);
}

/** Follows the file line by line and refuses anything the writer would not have produced. */
class BackupChecker {
  private readonly file: string;
  private readonly hash = createHash('sha256');
  private header: BackupHeader | undefined;
  private tableIndex = 0;
  private rowsInTable = 0;
  private rowsTotal = 0;
  private ended = false;
  private ledger: EvidenceLedger | undefined;
  private files: FileSectionChecker | undefined;

  constructor(file: string) {
    this.file = file;
  }

  line(bytes: Buffer): BackupRecord[] {
    if (this.ended) throw this.corrupt('内容出现在结束标记之后', 'content follows the end marker');
    const value = this.parse(bytes);
    if (this.header === undefined) {
      this.header = this.readHeader(value);
      this.ledger = new EvidenceLedger(this.header, this.file);
      this.hash.update(bytes).update('\n');
      return [{ kind: 'header', header: this.header }];
    }
    const records = this.readBody(value);
    if (records === null) return [];
    this.hash.update(bytes).update('\n');
    return records;
  }

  /** What the backup holds besides its rows; throws when the end marker was never reached. */
  end(): BackupContents {
    if (!this.ended || this.ledger === undefined) throw truncatedBackup(this.file);
    return {
      carriesFiles: this.files !== undefined,
      evidence: this.ledger.references(),
      missingFiles: this.files?.missing ?? [],
    };
  }

  /** A row, a line of the file section, or the trailer (null: it is not hashed). */
  private readBody(value: unknown): BackupRecord[] | null {
    if (this.files?.inFile() === true) return this.files.line(value);
    if (typeof value === 'object' && value !== null && 'end' in value) {
      this.readTrailer(value);
      return null;
    }
    if (FileSectionChecker.starts(value)) return this.fileSection().line(value);
    const row = this.readRow(value);
    this.ledger?.noteRow(row.table, row.cells);
    return [row];
  }

  /** The file section begins after the last row: every table is then complete. */
  private fileSection(): FileSectionChecker {
    const header = this.header as BackupHeader;
    if (this.files !== undefined) return this.files;
    if (header.formatVersion < FILES_FORMAT_VERSION) {
      throw this.corrupt('格式 1 的备份中出现文件记录', 'a format-1 backup holds file records');
    }
    while (this.tableIndex < header.tables.length) this.closeTable();
    this.files = new FileSectionChecker(this.file, this.ledger as EvidenceLedger);
    return this.files;
  }

  private parse(bytes: Buffer): unknown {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      if (this.header === undefined) {
        throw wrongFormat(this.file, { zh: '首行不是 JSON', en: 'the first line is not JSON' });
      }
      throw corruptBackup(this.file, { zh: '某一行不是有效的 JSON', en: 'a line is not valid JSON' }, error);
    }
  }

  private readHeader(value: unknown): BackupHeader {
    const problem = headerProblem(value);
    const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION && problem === null) {
      throw new BackupError('backup-newer-format', {
        zh: `备份文件格式版本 ${version} 比本程序支持的版本 ${BACKUP_FORMAT_VERSION} 新，请先升级 PlanTrack。`,
        en: `The backup uses format version ${version}, newer than the ${BACKUP_FORMAT_VERSION} this build reads; upgrade PlanTrack first.`,
      });
    }
    if (problem !== null) throw wrongFormat(this.file, { zh: `文件头无效：${problem}`, en: problem });
    return value as BackupHeader;
  }

  private readRow(value: unknown): Extract<BackupRecord, { kind: 'row' }> {
    const header = this.header as BackupHeader;
    const line = value as { t?: unknown; r?: unknown } | null;
    if (typeof line !== 'object' || line === null || typeof line.t !== 'string' || !Array.isArray(line.r)) {
      throw this.corrupt('某一行不是数据行', 'a line is not a row');
    }
    const index = header.tables.findIndex((t) => t.name === line.t);
    if (index < this.tableIndex)
      throw this.corrupt(`表 ${line.t} 的行顺序错乱`, `rows of ${line.t} are out of order`);
    while (this.tableIndex < index) this.closeTable();
    const table = header.tables[index];
    if (table === undefined) throw this.corrupt(`出现未声明的表 ${line.t}`, `undeclared table ${line.t}`);
    const cells: unknown[] = line.r;
    if (cells.length !== table.columns.length || !cells.every(isCell)) {
      throw this.corrupt(`表 ${table.name} 的一行列数或取值无效`, `a row of ${table.name} has wrong cells`);
    }
    this.rowsInTable += 1;
    this.rowsTotal += 1;
    if (this.rowsInTable > table.rows) {
      throw this.corrupt(
        `表 ${table.name} 的行数多于文件头所记`,
        `${table.name} has more rows than its header says`,
      );
    }
    return { kind: 'row', table, cells };
  }

  private closeTable(): void {
    const table = (this.header as BackupHeader).tables[this.tableIndex];
    if (table !== undefined && this.rowsInTable !== table.rows) {
      throw this.corrupt(
        `表 ${table.name} 应有 ${table.rows} 行，实有 ${this.rowsInTable} 行`,
        `${table.name} should have ${table.rows} rows but has ${this.rowsInTable}`,
      );
    }
    this.tableIndex += 1;
    this.rowsInTable = 0;
  }

  private readTrailer(trailer: Record<string, unknown>): void {
    const header = this.header as BackupHeader;
    while (this.tableIndex < header.tables.length) this.closeTable();
    if (trailer.end !== BACKUP_FORMAT || trailer.rows !== this.rowsTotal) {
      throw this.corrupt('结束标记的行数不符', 'the end marker’s row count does not match');
    }
    // A format-2 backup of a store without evidence has an empty file section, not none.
    if (header.formatVersion >= FILES_FORMAT_VERSION) this.fileSection().finish(trailer as BackupTrailer);
    if (trailer.sha256 !== this.hash.digest('hex')) {
      throw this.corrupt('校验和不符，内容被改动过', 'the checksum does not match; the content was altered');
    }
    this.ended = true;
  }

  private corrupt(zh: string, en: string): BackupError {
    return corruptBackup(this.file, { zh, en });
  }
}

function asBackupError(error: unknown, file: string): unknown {
  if (error instanceof BackupError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR') return truncatedBackup(file, error);
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return corruptBackup(file, { zh: 'gzip 数据校验失败', en: 'the gzip data fails its check' }, error);
  }
  return error;
}
