import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { InvalidInputError, StorageError } from './errors.js';
import type { Database } from './schema/database.schema.js';
import type { DialectName } from './support/dialect.js';
import { StatementNames, nameRepeatedStatements } from './support/pg-named-statements.js';
import { withStatementCache } from './support/statement-cache.js';
import { startWalCheckpointer } from './support/wal-checkpointer.js';

/** Name of the SQLite file inside the data folder. */
export const SQLITE_FILE_NAME = 'plantrack.sqlite';

/** Default data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = './data';

/** Options of {@link openDatabase}. */
export type OpenDatabaseOptions = {
  /**
   * `postgres://…` or `postgresql://…` selects PostgreSQL. Otherwise SQLite: unset for
   * `<dataDir>/plantrack.sqlite`, `sqlite:<path>` or `file:<path>` for another file,
   * `sqlite::memory:` for a throwaway in-memory database.
   */
  url?: string | undefined;
  /** Folder of the SQLite file (and, for the server, of evidence files); created if missing. */
  dataDir?: string | undefined;
  /**
   * SQLite `synchronous`: `normal` (default) survives a killed process; `full` also survives a
   * power cut at the price of an fsync per commit.
   */
  durability?: 'normal' | 'full';
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * SQLite WAL checkpoints: `inline` (default) in the commit that fills the log, as SQLite does;
   * `background` on a worker thread of their own (support/wal-checkpointer.ts), for the server,
   * whose requests would otherwise queue behind them.
   */
  checkpoints?: 'inline' | 'background';
};

/**
 * The typed query handle the repositories take: the open database or a transaction on it. Named
 * here so the server can pass it along without importing the query builder itself.
 */
export type Db = Kysely<Database>;

/** An open database: the typed Kysely instance, which dialect it is, and how to close it. */
export type DatabaseHandle = {
  db: Db;
  dialect: DialectName;
  /** The SQLite file path, `:memory:`, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
};

/**
 * Opens the store: PostgreSQL when `url` is a PostgreSQL URL, else an embedded SQLite file that
 * is created (with its folder) on first start. Migrations are not run here; call
 * `migrateToLatest(handle.db)` next.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): DatabaseHandle {
  const url = options.url?.trim() ?? '';
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, options.poolSize ?? 10);
  return openSqlite(
    sqlitePath(url, options.dataDir ?? DEFAULT_DATA_DIR),
    options.durability ?? 'normal',
    options.checkpoints ?? 'inline',
  );
}

/**
 * The options a process gets from its environment: `DATABASE_URL` (PostgreSQL when set) and
 * `PLANTRACK_DATA_DIR`. Kept apart from {@link openDatabase} so that library code never reads the
 * environment behind the caller's back.
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  return { url: env.DATABASE_URL, dataDir: env.PLANTRACK_DATA_DIR };
}

function sqlitePath(url: string, dataDir: string): string {
  if (url === '') {
    const dir = resolve(dataDir);
    makePrivateDir(dir);
    return resolve(dir, SQLITE_FILE_NAME);
  }
  if (url === 'sqlite::memory:' || url === ':memory:') return ':memory:';
  const match = /^(?:sqlite|file):(?:\/\/)?(.+)$/i.exec(url);
  if (match?.[1] === undefined) {
    throw new InvalidInputError({
      zh: `无法识别的数据库地址：${url}。请使用 postgres://… 或 sqlite:<文件路径>。`,
      en: `Unrecognised database URL: ${url}. Use postgres://… or sqlite:<file path>.`,
    });
  }
  const file = resolve(match[1]);
  makePrivateDir(resolve(file, '..'));
  return file;
}

/** Creates a folder (and its parents) readable by the owner only; an existing one is left as it is. */
function makePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw unwritable(dir, error);
  }
}

/**
 * Makes the database file readable by its owner only (0600) before SQLite opens it: SQLite would
 * create it 0644, and gives its -wal and -shm files the database file's mode. An empty file is a
 * valid empty database. A file an older version created with a looser mode is tightened.
 */
function makePrivateDatabaseFile(file: string): void {
  try {
    closeSync(openSync(file, 'a', 0o600));
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      const mode = modeOf(path);
      if (mode !== null && (mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
    }
  } catch (error) {
    throw unwritable(file, error);
  }
}

function modeOf(path: string): number | null {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return null;
  }
}

/** Error codes meaning the data folder or the database file cannot be created or written. */
const UNWRITABLE =
  /^(EACCES|EPERM|EROFS|ENOTDIR|EEXIST|ENOSPC|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_PERM|SQLITE_AUTH)/;

/**
 * The refusal for a data folder that cannot be used (read-only, owned by someone else, a file in
 * its place): a bilingual message naming the path, instead of a driver's stack trace at start-up.
 */
function unwritable(path: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNWRITABLE.test(code)) return error;
  const detail = error instanceof Error ? error.message : code;
  const failure = new StorageError('data-dir-unwritable', {
    zh: `无法在数据目录中创建或写入数据库：${path}（${detail}）。请检查该目录是否存在、可写，且属于运行 PlanTrack 的用户。`,
    en: `The database cannot be created or written in the data folder: ${path} (${detail}). Check that the folder exists, is writable and belongs to the user running PlanTrack.`,
  });
  failure.cause = error;
  return failure;
}

function openSqlite(
  file: string,
  durability: 'normal' | 'full',
  checkpoints: 'inline' | 'background',
): DatabaseHandle {
  if (file !== ':memory:') makePrivateDatabaseFile(file);
  const sqlite = openSqliteFile(file, durability);
  // An in-memory database has no log to checkpoint.
  const checkpointer =
    checkpoints === 'background' && file !== ':memory:' ? startWalCheckpointer(sqlite) : null;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const close = async () => {
    // First the worker's connection: the last connection to close folds the log into the file.
    await checkpointer?.stop();
    await db.destroy();
  };
  return { db, dialect: 'sqlite', location: file, close };
}

function openSqliteFile(file: string, durability: 'normal' | 'full'): SqliteDatabase.Database {
  let sqlite: SqliteDatabase.Database | undefined;
  try {
    sqlite = new SqliteDatabase(file);
    // WAL: readers never block the writer and a commit is one append to the log. Foreign keys are
    // off by default in SQLite and must be enabled per connection. busy_timeout makes a second
    // process (a CLI import beside the server) wait for the write lock instead of failing at once.
    // Switching to WAL creates the -wal file, so a read-only folder is found here, at start-up.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // In WAL mode, NORMAL syncs at checkpoints instead of at every commit: a committed transaction
    // survives the process being killed (it is in the OS page cache), and only an OS crash or power
    // cut can lose the last commits — never corrupt the file. FULL trades speed for that case too.
    sqlite.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw unwritable(file, error);
  }
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that would crash the
  // process. The next query reports the problem to its caller instead.
  pool.on('error', () => undefined);
  // A client checked out between two queries (a transaction waiting for the application) emits
  // 'error' on itself when its connection is ended (pg_terminate_backend, a server restart); the
  // pool listens only to idle ones. Its next query fails, the request is answered "database
  // unavailable", and the pool discards the client when it comes back.
  // Each connection also prepares the statements the server runs over and over (pg-named-statements.ts).
  const statementNames = new StatementNames();
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    nameRepeatedStatements(client, statementNames);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redactPassword(url), close: () => db.destroy() };
}

/** A URL safe to print: the password replaced by `***`. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}
