import type { DatabaseHandle } from '../connection.factory.js';
import type { DialectName } from '../support/dialect.js';
import { type RawBuilder, sql } from 'kysely';
import { expect } from 'vitest';

type Db = DatabaseHandle['db'];

/** One stored observation revision as the durability checks read it. */
export type StoredRevision = {
  id: string;
  key: string;
  revisionNo: number;
  status: string;
  action: string;
  value: number | null;
  source: string | null;
  idempotencyKey: string | null;
  createdBy: string;
  /** PostgreSQL: the id of the transaction that wrote the row; SQLite: null. */
  writtenBy: string | null;
};

/** An audit record of an observation write. */
export type StoredAudit = { revisionId: string | null; entityId: string; writtenBy: string | null };

/** PostgreSQL's `xmin` (the writing transaction) of a row of `alias`; null on SQLite, which has none. */
function transactionIdOf(dialect: DialectName, alias: string): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`${sql.ref(`${alias}.xmin`)}::text`
    : sql<string | null>`null`;
}

/** Every observation revision whose idempotency key starts with `prefix`. */
export async function revisionsByKeyPrefix(
  db: Db,
  dialect: DialectName,
  prefix: string,
): Promise<StoredRevision[]> {
  const writtenBy = transactionIdOf(dialect, 'o');
  const rows = await db
    .selectFrom('observations as o')
    .select([
      'o.id',
      'o.observation_key',
      'o.revision_no',
      'o.status',
      'o.action',
      'o.value',
      'o.source',
      'o.idempotency_key',
      'o.created_by',
      writtenBy.as('written_by'),
    ])
    .where('o.idempotency_key', 'like', `${prefix}%`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.observation_key,
    revisionNo: r.revision_no,
    status: r.status,
    action: r.action,
    value: r.value,
    source: r.source,
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    writtenBy: r.written_by,
  }));
}

/** Every audit record of an observation submission by `actor`. */
export async function submissionAudits(db: Db, dialect: DialectName, actor: string): Promise<StoredAudit[]> {
  const writtenBy = transactionIdOf(dialect, 'a');
  const rows = await db
    .selectFrom('audit_log as a')
    .select(['a.entity_id', 'a.detail_json', writtenBy.as('written_by')])
    .where('a.entity', '=', 'observation')
    .where('a.action', '=', 'observation.submit')
    .where('a.actor', '=', actor)
    .execute();
  return rows.map((r) => ({
    revisionId: (JSON.parse(r.detail_json) as { revisionId?: string } | null)?.revisionId ?? null,
    entityId: r.entity_id,
    writtenBy: r.written_by,
  }));
}

/** Ids of the revisions among `ids` that have their data-quality flags stored. */
export async function revisionsWithQualityFlags(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('observation_quality_flags')
    .select('revision_id')
    .where('revision_id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.revision_id));
}

/** SQLite `PRAGMA integrity_check` and `foreign_key_check`: `['ok']` when the file is sound. */
export async function sqliteIntegrity(db: Db): Promise<string[]> {
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  const foreignKeys = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
  return [
    ...integrity.rows.map((r) => r.integrity_check),
    ...foreignKeys.rows.map((r) => `foreign key violation in ${r.table}`),
  ];
}

/** Revisions and audit records match one to one (and, on PostgreSQL, share their transaction). */
export function expectWholeRecords(
  revisions: readonly StoredRevision[],
  audits: readonly StoredAudit[],
): void {
  const auditByRevision = new Map(audits.map((a) => [a.revisionId, a]));
  expect(auditByRevision.size, 'one audit record per revision id').toBe(audits.length);
  for (const r of revisions) {
    const audit = auditByRevision.get(r.id);
    expect(audit, `audit record of revision ${r.id}`).toBeDefined();
    expect(audit?.entityId).toBe(r.key);
    expect(audit?.writtenBy, `revision ${r.id} and its audit record in one transaction`).toBe(r.writtenBy);
  }
  const revisionIds = new Set(revisions.map((r) => r.id));
  const orphans = audits.filter((a) => a.revisionId === null || !revisionIds.has(a.revisionId));
  expect(orphans, 'audit records without their revision').toEqual([]);
}
