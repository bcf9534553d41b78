import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../support/dialect.js';
import { type BackupCell, type BackupTableEntry, type BindValue, decodeCell } from './backup-format.js';
import { corruptBackup } from './backup.errors.js';
import type { SelfReference } from './restore-plan.js';
import type { CatalogTable } from './table-catalog.js';

/** Bound parameters per INSERT: well under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const MAX_PARAMETERS = 8000;

/**
 * Inserts the rows of one table in multi-row INSERTs. A row that references another row of the
 * same table (a superseded revision, a parent indicator) waits until that row has been inserted,
 * so foreign keys hold whatever order the rows come in — PostgreSQL cannot defer the schema's
 * constraints, and SQLite checks them at the end of each statement.
 */
export class TableLoader {
  private readonly batchSize: number;
  private readonly batch: BindValue[][] = [];
  /** Referenced values already inserted (or in the batch), per self-referenced column. */
  private readonly present = new Map<number, Set<BindValue>>();
  /** Rows waiting for a parent, by the parent's column and value. */
  private readonly waiting = new Map<string, BindValue[][]>();
  private waitingRows = 0;
  inserted = 0;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly dialect: DialectName,
    readonly entry: BackupTableEntry,
    private readonly table: CatalogTable,
    private readonly selfRefs: readonly SelfReference[],
    private readonly file: string,
  ) {
    this.batchSize = Math.max(1, Math.min(500, Math.floor(MAX_PARAMETERS / entry.columns.length)));
    for (const ref of selfRefs) this.present.set(ref.refColumn, new Set());
  }

  async add(cells: readonly BackupCell[]): Promise<void> {
    const ready: BindValue[][] = [cells.map((c) => decodeCell(c, this.dialect))];
    while (ready.length > 0) {
      const row = ready.pop() as BindValue[];
      const missing = this.missingParent(row);
      if (missing !== null) {
        const list = this.waiting.get(missing) ?? [];
        list.push(row);
        this.waiting.set(missing, list);
        this.waitingRows += 1;
        continue;
      }
      this.batch.push(row);
      for (const ref of this.selfRefs) {
        const value = row[ref.refColumn] ?? null;
        this.present.get(ref.refColumn)?.add(value);
        const key = waitKey(ref.refColumn, value);
        const children = this.waiting.get(key);
        if (children !== undefined) {
          this.waiting.delete(key);
          this.waitingRows -= children.length;
          ready.push(...children);
        }
      }
      if (this.batch.length >= this.batchSize) await this.flush();
    }
  }

  /** Inserts what is left; rows still waiting point at rows the backup does not have. */
  async finish(): Promise<void> {
    await this.flush();
    if (this.waitingRows > 0) {
      throw corruptBackup(this.file, {
        zh: `表 ${this.entry.name} 有 ${this.waitingRows} 行引用了备份中不存在的行`,
        en: `${this.waitingRows} rows of ${this.entry.name} reference rows missing from the backup`,
      });
    }
  }

  private missingParent(row: readonly BindValue[]): string | null {
    for (const ref of this.selfRefs) {
      const value = row[ref.column] ?? null;
      if (value !== null && this.present.get(ref.refColumn)?.has(value) !== true) {
        return waitKey(ref.refColumn, value);
      }
    }
    return null;
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch.splice(0);
    const overriding = this.table.identityAlways ? sql` overriding system value` : sql``;
    await sql`
      insert into ${sql.table(this.entry.name)} (${sql.join(this.entry.columns.map((c) => sql.ref(c)))})${overriding}
      values ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}
    `.execute(this.db);
    this.inserted += rows.length;
  }
}

function waitKey(column: number, value: BindValue): string {
  return `${column}\u0000${String(value)}`;
}
