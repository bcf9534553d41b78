import { type Kysely, Migrator, sql } from 'kysely';
import { migrateToLatest, staticMigrationProvider } from '../migrations/migration.provider.js';
import { type DialectName, dialectOf, writeTransaction } from '../support/dialect.js';
import type { BackupHeader } from './backup-format.js';
import type { EvidenceReference } from './backup-files.checker.js';
import { readBackup, verifyBackup } from './backup.reader.js';
import { BackupError, corruptBackup } from './backup.errors.js';
import { refreshDerivedState } from './derived-state.js';
import { EvidenceRestorer, absentEvidence, evidenceNotRestorable } from './evidence.restorer.js';
import {
  planTables,
  requireCompatibleTarget,
  requireKnownMigrations,
  selfReferences,
} from './restore-plan.js';
import { type CatalogTable, appliedMigrations, dataTables } from './table-catalog.js';
import { TableLoader } from './table.loader.js';

/** What a restore loaded. */
export type RestoreSummary = {
  file: string;
  sourceDialect: DialectName;
  dialect: DialectName;
  /** Migrations of the backup; later ones of this build ran on the restored data afterwards. */
  migrations: string[];
  tables: { name: string; rows: number }[];
  rows: number;
  evidence: {
    /** Whether the backup carried the files (format 2); a format-1 backup relies on the folder. */
    carried: boolean;
    /** Files written into the evidence folder, and their bytes. */
    files: number;
    bytes: number;
    /** Files the evidence rows point at that are not in the folder (only with `allowMissingEvidence`). */
    missing: EvidenceReference[];
  };
};

/** Where a restore puts the evidence files, and whether it may go on without some. */
export type RestoreOptions = {
  /** The target's evidence folder (`<data dir>/evidence` for `plantrack serve`); created if missing. */
  evidenceDir: string;
  /**
   * Restore even when files the evidence rows point at are neither in the backup nor already in
   * the folder (listed in the summary). Off by default: such a restore is refused before anything
   * is written.
   */
  allowMissingEvidence?: boolean;
};

/**
 * Restores a backup (see `backup-format.ts`) into an empty database of either dialect, and its
 * evidence files into `options.evidenceDir`.
 *
 * 1. The whole file is read and checked first — every row, and every evidence file's bytes against
 *    its checksum and its rows — so a truncated, corrupt, tampered or foreign file is refused
 *    before the target is touched.
 * 2. The target must hold no data. Files the backup does not carry (a format-1 backup, or files
 *    declared missing) must already be in the evidence folder with the right content; otherwise
 *    the restore is refused unless `allowMissingEvidence` is set. A new database is migrated to
 *    the backup's schema.
 * 3. All rows are inserted in one transaction, tables in foreign-key order; sequences and the
 *    search mirror are repaired in the same transaction. The files are staged as they stream
 *    (checked again) and moved into place just before the commit. Any failure rolls the rows back
 *    and removes the files this restore placed.
 * 4. Migrations newer than the backup then run on the restored data, as they would on an upgrade.
 */
export async function restoreBackup<DB>(
  db: Kysely<DB>,
  file: string,
  options: RestoreOptions,
): Promise<RestoreSummary> {
  const anyDb = db as unknown as Kysely<unknown>;
  const verified = await verifyBackup(file);
  const { header } = verified;
  requireKnownMigrations(header, file);
  const applied = await appliedMigrations(anyDb);
  requireCompatibleTarget(applied, header.migrations);
  await requireEmpty(anyDb);
  const notCarried = verified.carriesFiles ? verified.missingFiles : verified.evidence;
  const missing = await absentEvidence(options.evidenceDir, notCarried);
  if (missing.length > 0 && options.allowMissingEvidence !== true) {
    throw evidenceNotRestorable(missing, options.evidenceDir, verified.carriesFiles);
  }
  if (applied.length < header.migrations.length) await migrateTo(anyDb, header.migrations);

  const evidence = new EvidenceRestorer(options.evidenceDir);
  let tables: { name: string; rows: number }[];
  try {
    tables = await writeTransaction(anyDb, async (trx) => {
      await requireEmpty(trx);
      const catalog = planTables(header, await dataTables(trx), file);
      try {
        const loaded = await loadRows(trx, file, header, catalog, evidence);
        await refreshDerivedState(trx);
        await evidence.commit();
        return loaded;
      } catch (error) {
        if (error instanceof BackupError) throw error;
        throw new BackupError(
          'restore-failed',
          {
            zh: `恢复失败，数据库未作任何更改：${errorText(error)}`,
            en: `The restore failed and nothing was changed: ${errorText(error)}`,
          },
          { cause: error },
        );
      }
    });
  } catch (error) {
    await evidence.abort();
    throw error;
  }
  await migrateToLatest(anyDb);
  return {
    file,
    sourceDialect: header.dialect,
    dialect: dialectOf(anyDb),
    migrations: header.migrations,
    tables,
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
    evidence: { carried: verified.carriesFiles, files: evidence.files, bytes: evidence.bytes, missing },
  };
}

async function loadRows(
  trx: Kysely<unknown>,
  file: string,
  header: BackupHeader,
  catalog: Map<string, CatalogTable>,
  evidence: EvidenceRestorer,
): Promise<{ name: string; rows: number }[]> {
  const dialect = dialectOf(trx);
  const loaded: { name: string; rows: number }[] = [];
  let loader: TableLoader | undefined;
  const finish = async (): Promise<void> => {
    if (loader === undefined) return;
    await loader.finish();
    loaded.push({ name: loader.entry.name, rows: loader.inserted });
  };
  for await (const record of readBackup(file)) {
    if (record.kind === 'header') {
      // Read twice (checked, then loaded): a file replaced in between must not slip through.
      if (JSON.stringify(record.header) !== JSON.stringify(header)) {
        throw corruptBackup(file, { zh: '恢复过程中文件被改动', en: 'the file changed during the restore' });
      }
      continue;
    }
    // The reader checks each file again as it streams: only bytes matching their checksum are kept.
    if (record.kind === 'file') await evidence.open(record.path);
    if (record.kind === 'file-data') await evidence.write(record.bytes);
    if (record.kind === 'file-end') await evidence.close();
    if (record.kind !== 'row') continue;
    if (loader?.entry !== record.table) {
      await finish();
      const table = catalog.get(record.table.name) as CatalogTable;
      loader = new TableLoader(trx, dialect, record.table, table, selfReferences(record.table, table), file);
    }
    await loader.add(record.cells);
  }
  await finish();
  // Tables without rows have no row lines; list them too so the summary names every table.
  return header.tables.map((t) => loaded.find((l) => l.name === t.name) ?? { name: t.name, rows: 0 });
}

/** Refuses a target holding any row: a restore never merges into existing data. */
async function requireEmpty(db: Kysely<unknown>): Promise<void> {
  const filled: string[] = [];
  for (const table of await dataTables(db)) {
    const probe = await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(db);
    if (probe.rows.length > 0) filled.push(table.name);
  }
  if (filled.length > 0) {
    throw new BackupError('target-not-empty', {
      zh: `目标数据库已有数据（${filled.join('、')}），恢复只能写入空数据库。请指定一个新的数据目录或空的 PostgreSQL 数据库。`,
      en: `The target database already holds data (${filled.join(', ')}); a restore only writes into an empty database. Point it at a new data folder or an empty PostgreSQL database.`,
    });
  }
}

async function migrateTo(db: Kysely<unknown>, migrations: readonly string[]): Promise<void> {
  const target = migrations[migrations.length - 1];
  if (target === undefined) return;
  const { error } = await new Migrator({ db, provider: staticMigrationProvider }).migrateTo(target);
  if (error !== undefined) {
    throw new Error(`Migrating the target to ${target} failed: ${errorText(error)}`, { cause: error });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
