import { type Expression, type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { insertWithGroup } from '../../support/group-commit.js';
import { newId, nowIso } from '../../support/ids.js';

/** One audit record as read back. */
export type AuditEntry = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  planId: string | null;
  detail: unknown;
};

/** What to append; `detail` is any JSON-serialisable value. */
export type AuditInput = {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  planId?: string | null;
  detail?: unknown;
};

/**
 * Appends one audit record. Call it with the transaction that makes the change, so the record
 * exists exactly when the change does. The table refuses UPDATE and DELETE.
 */
export async function appendAudit(db: Kysely<Database>, input: AuditInput): Promise<AuditEntry> {
  const entry = auditEntry(input);
  await insertAudit(db, entry, entry.planId);
  return entry;
}

/**
 * Appends many audit records in multi-row INSERTs (a sheet import's one record per row), in the
 * caller's transaction like {@link appendAudit}; ids keep the order of `inputs`.
 */
export async function appendAudits(db: Kysely<Database>, inputs: readonly AuditInput[]): Promise<void> {
  const rows = inputs.map((input) => {
    const entry = auditEntry(input);
    return auditRow(entry, entry.planId);
  });
  // 8 columns a row: 500 rows stay well under both dialects' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/**
 * {@link appendAudit} for a record whose plan is looked up by `planId` (a scalar subquery) in the
 * same statement: one round trip less on the write path of every submission. In a grouped write
 * transaction the record is written with the group's other audit records in one multi-row INSERT
 * before the COMMIT (support/group-commit.ts), so it never costs a unit a round trip of its own.
 */
export async function appendAuditOfPlan(
  db: Kysely<Database>,
  input: Omit<AuditInput, 'planId'>,
  planId: Expression<string | null>,
): Promise<void> {
  await insertWithGroup(db, 'audit_log', auditRow(auditEntry(input), planId));
}

function auditEntry(input: AuditInput): AuditEntry {
  return {
    id: newId(),
    at: nowIso(),
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    planId: input.planId ?? null,
    detail: input.detail ?? null,
  };
}

async function insertAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
  planId: string | null | Expression<string | null>,
): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry, planId)).execute();
}

function auditRow(entry: AuditEntry, planId: string | null | Expression<string | null>) {
  return {
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    plan_id: planId,
    detail_json: JSON.stringify(entry.detail),
  };
}

/** Filters of {@link queryAudit}; all optional and combined with AND. */
export type AuditQuery = {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  planId?: string;
  /** Only what people of this department did (the actor's department today). */
  departmentId?: string;
  /** One record and what hangs off it: its id, or keys that start with `id|` (an indicator's observations). */
  recordId?: string;
  /** Inclusive lower bound, ISO timestamp. */
  from?: string;
  /** Exclusive upper bound, ISO timestamp. */
  to?: string;
  /** Page backwards: only records older than this id (ids sort by time). */
  beforeId?: string;
  /** Newest first unless `oldestFirst`. Default limit 100, at most 1,000. */
  limit?: number;
  oldestFirst?: boolean;
};

/** Reads the audit log by entity, actor, action, plan and time, newest first by default. */
export async function queryAudit(db: Kysely<Database>, query: AuditQuery = {}): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.entity !== undefined) q = q.where('entity', '=', query.entity);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.actor !== undefined) q = q.where('actor', '=', query.actor);
  if (query.action !== undefined) q = q.where('action', '=', query.action);
  if (query.planId !== undefined) q = q.where('plan_id', '=', query.planId);
  const departmentId = query.departmentId;
  if (departmentId !== undefined) {
    q = q.where('actor', 'in', db.selectFrom('users').select('id').where('department_id', '=', departmentId));
  }
  const recordId = query.recordId;
  if (recordId !== undefined) {
    // An observation's key is `indicatorId|period|scope`, a progress report's `taskId|period`.
    const prefix = `${recordId.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`;
    q = q.where((eb) =>
      eb.or([eb('entity_id', '=', recordId), eb('entity_id', 'like', sql<string>`${prefix} escape '\\'`)]),
    );
  }
  if (query.from !== undefined) q = q.where('at', '>=', query.from);
  if (query.to !== undefined) q = q.where('at', '<', query.to);
  if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
  const rows = await q
    .orderBy('id', query.oldestFirst === true ? 'asc' : 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    planId: r.plan_id,
    detail: JSON.parse(r.detail_json) as unknown,
  }));
}

/** Everyone who appears in the audit log as an actor (ids; `system` and the like included). */
export async function auditActorIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('actor').distinct().orderBy('actor').execute();
  return rows.map((r) => r.actor);
}
