import { MIGRATIONS } from '../migrations/migration.provider.js';
import type { BackupHeader, BackupTableEntry } from './backup-format.js';
import { BackupError } from './backup.errors.js';
import type { CatalogTable } from './table-catalog.js';

/**
 * Checks a backup's migrations against this build's: the backup's must be a prefix of
 * {@link MIGRATIONS}. A name this build does not know means a newer PlanTrack made the backup.
 */
export function requireKnownMigrations(header: BackupHeader, file: string): void {
  const known = Object.keys(MIGRATIONS).sort();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new BackupError('backup-newer-schema', {
      zh: `备份由更新版本的 PlanTrack 生成（本程序不认识迁移 ${unknown.join('、')}），请先升级后再恢复：${file}`,
      en: `The backup was made by a newer PlanTrack (unknown migrations ${unknown.join(', ')}); upgrade before restoring: ${file}`,
    });
  }
  if (!isPrefix(header.migrations, known)) {
    throw new BackupError('backup-schema-mismatch', {
      zh: `备份的迁移序列与本程序不一致，无法恢复：${file}`,
      en: `The backup's migrations do not match this build's sequence: ${file}`,
    });
  }
}

/**
 * The target must be new (no migrations), at the backup's schema, or ahead of it on the same
 * sequence; anything else is a different lineage of the schema.
 */
export function requireCompatibleTarget(applied: readonly string[], backup: readonly string[]): void {
  const known = Object.keys(MIGRATIONS).sort();
  const unknown = applied.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new BackupError('target-newer-schema', {
      zh: `目标数据库由更新版本的 PlanTrack 创建（迁移 ${unknown.join('、')}），请升级后再恢复。`,
      en: `The target database was created by a newer PlanTrack (migrations ${unknown.join(', ')}); upgrade before restoring.`,
    });
  }
  if (!isPrefix(applied, backup) && !isPrefix(backup, applied)) {
    throw new BackupError('backup-schema-mismatch', {
      zh: '目标数据库的迁移序列与备份不一致，请恢复到一个新的空数据库。',
      en: "The target database's migrations do not match the backup's; restore into a new, empty database.",
    });
  }
}

/**
 * Matches the backup's tables with the target's: every backed-up table and column must exist, and
 * the file's table order must respect the target's foreign keys (parents first).
 */
export function planTables(
  header: BackupHeader,
  catalog: readonly CatalogTable[],
  file: string,
): Map<string, CatalogTable> {
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const seen = new Set<string>();
  for (const entry of header.tables) {
    const table = byName.get(entry.name);
    if (table === undefined)
      throw mismatch(file, `表 ${entry.name} 不存在`, `table ${entry.name} does not exist`);
    const missing = entry.columns.filter((c) => !table.columns.includes(c));
    if (missing.length > 0) {
      throw mismatch(
        file,
        `表 ${entry.name} 缺少列 ${missing.join('、')}`,
        `${entry.name} lacks columns ${missing.join(', ')}`,
      );
    }
    const early = table.foreignKeys.find(
      (fk) =>
        fk.table !== table.name && !seen.has(fk.table) && header.tables.some((t) => t.name === fk.table),
    );
    if (early !== undefined) {
      throw mismatch(
        file,
        `表 ${entry.name} 排在 ${early.table} 之前`,
        `${entry.name} comes before ${early.table}`,
      );
    }
    seen.add(entry.name);
  }
  return byName;
}

/** Positions of a table's self-references (a row pointing at another row of the same table). */
export type SelfReference = { column: number; refColumn: number; refName: string };

export function selfReferences(entry: BackupTableEntry, table: CatalogTable): SelfReference[] {
  return table.foreignKeys
    .filter((fk) => fk.table === table.name && fk.columns.length === 1)
    .map((fk) => ({
      column: entry.columns.indexOf(fk.columns[0] ?? ''),
      refColumn: entry.columns.indexOf(fk.refColumns[0] ?? ''),
      refName: fk.refColumns[0] ?? '',
    }))
    .filter((r) => r.column >= 0 && r.refColumn >= 0);
}

function mismatch(file: string, zh: string, en: string): BackupError {
  return new BackupError('backup-schema-mismatch', {
    zh: `备份与目标数据库的结构不符（${zh}），无法恢复：${file}`,
    en: `The backup does not fit the target database's schema (${en}): ${file}`,
  });
}

function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((name, i) => of[i] === name);
}
