import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { type DialectName, dialectOf } from '../support/dialect.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTrailer,
  encodeCell,
} from './backup-format.js';
import { BackupError } from './backup.errors.js';
import { type CarriedEvidence, type EvidenceBackupOptions, carryEvidenceFiles } from './evidence.carrier.js';
import { type CatalogTable, appliedMigrations, dataTables } from './table-catalog.js';

/** What a backup wrote. */
export type BackupSummary = {
  file: string;
  dialect: DialectName;
  migrations: string[];
  tables: { name: string; rows: number }[];
  rows: number;
  /** Size of the compressed file. */
  bytes: number;
  /** The evidence files carried (their bytes before compression) and those recorded missing. */
  evidence: CarriedEvidence;
};

/** Options of {@link writeBackup}. */
export type BackupOptions = {
  /** Where the evidence files are; required so that no backup leaves them out by accident. */
  evidence: EvidenceBackupOptions;
  overwrite?: boolean;
  now?: Date;
};

/** Rows read per query while streaming a table. */
const PAGE = 1000;

/**
 * Writes a logical backup of every data table and every evidence file (see `backup-format.ts`) to
 * `file`. The rows are read in one snapshot — a read-only REPEATABLE READ transaction on
 * PostgreSQL, a read transaction on SQLite (WAL keeps writers running) — so the backup is
 * consistent while the service runs; the files are those the snapshot's evidence rows point at
 * (stored files are never changed, and are written before their row). The file appears only when
 * complete, readable by its owner only (0600): it is written under a temporary name and renamed at
 * the end. A missing or damaged evidence file stops the backup (see {@link carryEvidenceFiles}).
 */
export async function writeBackup<DB>(
  db: Kysely<DB>,
  file: string,
  options: BackupOptions,
): Promise<BackupSummary> {
  if (existsSync(file) && options.overwrite !== true) {
    throw new BackupError('backup-exists', {
      zh: `备份文件已存在，不会覆盖：${file}。请换一个文件名或先删除它。`,
      en: `The backup file already exists and is not overwritten: ${file}. Choose another name or remove it first.`,
    });
  }
  const partial = `${file}.partial`;
  // A leftover from an interrupted run may have looser permissions: start afresh.
  await rm(partial, { force: true });
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
  const hash = createHash('sha256');
  let lineCount = 0;
  const writeLine = async (value: unknown): Promise<void> => {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
    hash.update(bytes);
    lineCount += 1;
    if (!gzip.write(bytes)) await once(gzip, 'drain');
  };
  try {
    const taken = await inSnapshot(db, async (snapshot) => {
      const migrations = await appliedMigrations(snapshot);
      if (migrations.length === 0) {
        throw new BackupError('source-not-initialised', {
          zh: '数据库尚未初始化（没有执行过任何迁移），没有可备份的内容。',
          en: 'The database has not been initialised (no migration has run); there is nothing to back up.',
        });
      }
      const tables = await dataTables(snapshot);
      const entries = [];
      for (const table of tables) {
        entries.push({
          name: table.name,
          columns: table.columns,
          rows: await countRows(snapshot, table.name),
        });
      }
      const head: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: (options.now ?? new Date()).toISOString(),
        dialect: dialectOf(snapshot),
        migrations,
        tables: entries,
      };
      await writeLine(head);
      for (const table of tables) await streamTable(snapshot, table, writeLine);
      const rowLines = lineCount - 1;
      return { head, rowLines, evidence: await carryEvidenceFiles(snapshot, options.evidence, writeLine) };
    });
    const { head: header, evidence } = taken;
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    if (taken.rowLines !== rows) {
      throw new Error(`The backup wrote ${taken.rowLines} rows where its header counted ${rows}.`);
    }
    const trailer: BackupTrailer = {
      end: BACKUP_FORMAT,
      rows,
      files: evidence.files,
      fileBytes: evidence.bytes,
      missingFiles: evidence.missing.length,
      sha256: hash.copy().digest('hex'),
    };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await written;
    await rename(partial, file);
    return {
      file,
      dialect: header.dialect,
      migrations: header.migrations,
      tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })),
      rows,
      bytes: (await stat(file)).size,
      evidence,
    };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

async function countRows<DB>(db: Kysely<DB>, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

async function streamTable<DB>(
  db: Kysely<DB>,
  table: CatalogTable,
  writeLine: (value: unknown) => Promise<void>,
): Promise<void> {
  const columns = sql.join(table.columns.map((c) => sql.ref(c)));
  const order = sql.join(
    (table.primaryKey.length > 0 ? table.primaryKey : table.columns).map((c) => sql.ref(c)),
  );
  for (let offset = 0; ; offset += PAGE) {
    const page = await sql<Record<string, unknown>>`
      select ${columns} from ${sql.table(table.name)} order by ${order}
      limit ${sql.lit(PAGE)} offset ${sql.lit(offset)}
    `.execute(db);
    for (const row of page.rows) {
      await writeLine({ t: table.name, r: table.columns.map((c) => encodeCell(row[c])) });
    }
    if (page.rows.length < PAGE) return;
  }
}

/** Runs `fn` on one connection that sees a single consistent state of the database. */
async function inSnapshot<DB, T>(db: Kysely<DB>, fn: (snapshot: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') {
    return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
  }
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`rollback`.execute(conn).catch(() => undefined);
    }
  });
}
