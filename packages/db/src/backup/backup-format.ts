import { DIALECTS, type DialectName } from '../support/dialect.js';

/**
 * The PlanTrack backup format: a gzip'd file of JSON lines, independent of the database it came
 * from, so a SQLite backup restores into PostgreSQL and back.
 *
 * ```
 * {"format":"plantrack-backup","formatVersion":2,"createdAt":…,"dialect":"sqlite","migrations":[…],
 *  "tables":[{"name":"plans","columns":["id",…],"rows":1},…]}      ← header
 * {"t":"plans","r":["0190…","wujin-15th",…]}                       ← one line per row, cells in
 * …                                                                   the header's column order
 * {"file":"ab/ab12…","sha256":"ab12…","size":70312}                ← version 2: each evidence file
 * {"d":"JVBERi0xLjcK…"}                                               its bytes, base64, in chunks
 * {"missingFile":"cd/cd34…","sha256":"cd34…"}                      ← a file absent at backup time
 * {"end":"plantrack-backup","rows":1234,"files":9,"fileBytes":…,"missingFiles":0,"sha256":"…"}
 * ```                                                                ← trailer: counts and SHA-256
 *                                                                      of every line above
 *
 * Tables come in foreign-key order (parents first). Cells are JSON strings, numbers, booleans and
 * null; bytes and non-finite numbers, which JSON cannot hold, are tagged objects. The trailer
 * detects a file cut short at a line boundary, which gzip alone would not notice if the cut fell
 * between two gzip members.
 *
 * Version 2 adds the evidence files after the rows: every distinct file an `evidence_files` row
 * points at, named by its `storage_path` and checked against its `sha256` as it is read, streamed
 * in chunks so that no file is ever held in memory whole. A `missingFile` line appears only when
 * the backup was told to go on without a file. Version 1 backups (rows only) still restore; their
 * evidence files must then already be in the target's evidence folder (see `restore.ts`).
 */
export const BACKUP_FORMAT = 'plantrack-backup';

/** The newest format version this build writes and reads. */
export const BACKUP_FORMAT_VERSION = 2;

/** The first version whose backups carry the evidence files. */
export const FILES_FORMAT_VERSION = 2;

/** Raw bytes per `d` line of a file (256 KiB of base64). */
export const FILE_CHUNK_BYTES = 192 * 1024;

/** One table in the header: its columns in cell order and how many row lines follow. */
export type BackupTableEntry = { name: string; columns: string[]; rows: number };

/** The first line of a backup. */
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The database the backup was taken from (informational; restore works into either). */
  dialect: DialectName;
  /** Names of the migrations applied to the source, in order. */
  migrations: string[];
  tables: BackupTableEntry[];
};

/** One row line. */
export type BackupRowLine = { t: string; r: BackupCell[] };

/** Opens an evidence file: `size` bytes follow in `d` lines, and must hash to `sha256`. */
export type BackupFileLine = { file: string; sha256: string; size: number };

/** A chunk of the current file's bytes. */
export type BackupDataLine = { d: string };

/** A file an evidence row points at but that was not in storage when the backup was taken. */
export type BackupMissingFileLine = { missingFile: string; sha256: string };

/** The last line; the file counts appear from version 2 on. */
export type BackupTrailer = {
  end: typeof BACKUP_FORMAT;
  rows: number;
  files?: number;
  fileBytes?: number;
  missingFiles?: number;
  sha256: string;
};

/** A cell as written to the file. */
export type BackupCell =
  string | number | boolean | null | { $bytes: string } | { $float: 'NaN' | 'Infinity' | '-Infinity' };

/** A value as bound to an INSERT. */
export type BindValue = string | number | boolean | null | Buffer;

/** Turns a value read from either database into a JSON-safe cell. */
export function encodeCell(value: unknown): BackupCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    return { $float: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
  }
  // pg returns int8 and numeric as strings already; a bigint only comes from SQLite's safeIntegers mode.
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  throw new TypeError(`A value of type ${typeof value} cannot be written to a backup.`);
}

/** Whether a parsed JSON value is a well-formed cell. */
export function isCell(value: unknown): value is BackupCell {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length !== 1) return false;
  const tagged = value as Record<string, unknown>;
  if (typeof tagged.$bytes === 'string') return true;
  return tagged.$float === 'NaN' || tagged.$float === 'Infinity' || tagged.$float === '-Infinity';
}

/**
 * The value to bind for a cell. SQLite has no boolean type and its driver refuses JS booleans, so
 * they become 0/1 there — the same representation the PlanTrack schema uses for flags.
 */
export function decodeCell(cell: BackupCell, dialect: DialectName): BindValue {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return dialect === 'sqlite' ? (cell ? 1 : 0) : cell;
  if ('$bytes' in cell) return Buffer.from(cell.$bytes, 'base64');
  return Number(cell.$float);
}

/** Checks the shape of a parsed header; returns a reason when it is not one. */
export function headerProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the first line is not a JSON object';
  const h = value as Partial<Record<keyof BackupHeader, unknown>>;
  if (h.format !== BACKUP_FORMAT) return 'the first line does not name the plantrack-backup format';
  if (typeof h.formatVersion !== 'number' || !Number.isInteger(h.formatVersion) || h.formatVersion < 1) {
    return 'formatVersion is missing or not a positive integer';
  }
  if (typeof h.createdAt !== 'string') return 'createdAt is missing';
  if (typeof h.dialect !== 'string' || !DIALECTS.includes(h.dialect as DialectName)) {
    return 'dialect is not sqlite or postgres';
  }
  if (!isStringArray(h.migrations) || h.migrations.length === 0) return 'migrations is not a list of names';
  if (!Array.isArray(h.tables)) return 'tables is not a list';
  const names = new Set<string>();
  for (const t of h.tables as unknown[]) {
    const entry = t as Partial<Record<keyof BackupTableEntry, unknown>> | null;
    if (typeof entry !== 'object' || entry === null || typeof entry.name !== 'string') {
      return 'a table entry has no name';
    }
    if (names.has(entry.name)) return `table ${entry.name} is listed twice`;
    names.add(entry.name);
    if (!isStringArray(entry.columns) || entry.columns.length === 0) {
      return `table ${entry.name} has no column list`;
    }
    if (typeof entry.rows !== 'number' || !Number.isInteger(entry.rows) || entry.rows < 0) {
      return `table ${entry.name} has no row count`;
    }
  }
  return null;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
