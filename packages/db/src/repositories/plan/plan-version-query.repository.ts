import type { Selectable } from 'kysely';
import type { DatabaseHandle } from '../../connection.factory.js';
import type {
  CommitmentsTable,
  OutlineNodesTable,
  TaskDepartmentsTable,
  TaskVersionsTable,
} from '../../schema/plan-tables.schema.js';

/**
 * Reads of one stored plan version for the plan reader, curation and the places view: the version
 * itself, its stored model and text, and its outline, commitment and assignment rows. Rows come back
 * as stored (snake_case) because the readers present them field by field.
 */
type Db = DatabaseHandle['db'];

/** A stored version: its plan and number. */
export type PlanVersionIdentity = { id: string; planId: string; versionNo: number };

/** The version with this id, or undefined (the caller checks it belongs to the plan it expects). */
export async function findPlanVersion(db: Db, versionId: string): Promise<PlanVersionIdentity | undefined> {
  const row = await db
    .selectFrom('plan_versions')
    .select(['id', 'plan_id', 'version_no'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, planId: row.plan_id, versionNo: row.version_no };
}

/** A version's number, stored plan model (JSON text) and source text; the version must exist. */
export async function planVersionContent(
  db: Db,
  versionId: string,
): Promise<{ versionNo: number; modelJson: string; sourceText: string }> {
  const row = await db
    .selectFrom('plan_versions')
    .select(['version_no', 'model_json', 'source_text'])
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  return { versionNo: row.version_no, modelJson: row.model_json, sourceText: row.source_text };
}

/** A version's stored plan model (JSON text) alone; the version must exist. */
export async function planVersionModelJson(db: Db, versionId: string): Promise<string> {
  const row = await db
    .selectFrom('plan_versions')
    .select('model_json')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  return row.model_json;
}

/** A version's source text alone (the model is not read); the version must exist. */
export async function planVersionSourceText(db: Db, versionId: string): Promise<string> {
  const row = await db
    .selectFrom('plan_versions')
    .select('source_text')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  return row.source_text;
}

/** A version's outline nodes in document order (depth first: a parent before its children). */
export async function outlineNodeRows(db: Db, versionId: string): Promise<Selectable<OutlineNodesTable>[]> {
  return db
    .selectFrom('outline_nodes')
    .selectAll()
    .where('plan_version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/** A version's commitments in text order. */
export async function commitmentRows(db: Db, versionId: string): Promise<Selectable<CommitmentsTable>[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('plan_version_id', '=', versionId)
    .orderBy('source_start')
    .execute();
}

/** A version's task (assignment) rows in text order. */
export async function taskVersionRows(db: Db, versionId: string): Promise<Selectable<TaskVersionsTable>[]> {
  return db
    .selectFrom('task_versions')
    .selectAll()
    .where('plan_version_id', '=', versionId)
    .orderBy('source_start')
    .execute();
}

/** One owning department of a task version, as written in the plan and as registered. */
export type TaskVersionOwnerRow = {
  task_version_id: string;
  role: TaskDepartmentsTable['role'];
  name_as_written: string;
  canonical_name: string;
};

/** The owning departments of every task of a version, in the order ingestion stored them. */
export async function taskVersionOwnerRows(db: Db, versionId: string): Promise<TaskVersionOwnerRow[]> {
  return db
    .selectFrom('task_departments as td')
    .innerJoin('task_versions as tv', 'tv.id', 'td.task_version_id')
    .innerJoin('departments as d', 'd.id', 'td.department_id')
    .select(['td.task_version_id', 'td.role', 'td.name_as_written', 'd.canonical_name'])
    .where('tv.plan_version_id', '=', versionId)
    .orderBy('td.id')
    .execute();
}
