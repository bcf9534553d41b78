import { type Kysely, Migrator, sql } from 'kysely';
import { migrateToLatest, staticMigrationProvider } from '../migrations/migration.provider.js';
import { type DialectName, dialectOf, writeTransaction } from '../support/dialect.js';
import type { BackupHeader } from './backup-format.js';
import { readBackup, verifyBackup } from './backup.reader.js';
import { BackupError, corruptBackup } from './backup.errors.js';
import { refreshDerivedState } from './derived-state.js';
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
};

/**
 * Restores a backup (see `backup-format.ts`) into an empty database of either dialect.
 *
 * 1. The whole file is read and checked first, so a truncated, corrupt or foreign file is refused
 *    before the target is touched.
 * 2. The target must hold no data. A new database is migrated to the backup's schema.
 * 3. All rows are inserted in one transaction, tables in foreign-key order; sequences and the
 *    search mirror are repaired in the same transaction. Any failure rolls everything back.
 * 4. Migrations newer than the backup then run on the restored data, as they would on an upgrade.
 */
export async function restoreBackup<DB>(db: Kysely<DB>, file: string): Promise<RestoreSummary> {
  const anyDb = db as unknown as Kysely<unknown>;
  const header = await verifyBackup(file);
  requireKnownMigrations(header, file);
  const applied = await appliedMigrations(anyDb);
  requireCompatibleTarget(applied, header.migrations);
  await requireEmpty(anyDb);
  if (applied.length < header.migrations.length) await migrateTo(anyDb, header.migrations);

  const tables = await writeTransaction(anyDb, async (trx) => {
    await requireEmpty(trx);
    const catalog = planTables(header, await dataTables(trx), file);
    try {
      const loaded = await loadRows(trx, file, header, catalog);
      await refreshDerivedState(trx);
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
  await migrateToLatest(anyDb);
  return {
    file,
    sourceDialect: header.dialect,
    dialect: dialectOf(anyDb),
    migrations: header.migrations,
    tables,
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
  };
}

async function loadRows(
  trx: Kysely<unknown>,
  file: string,
  header: BackupHeader,
  catalog: Map<string, CatalogTable>,
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
