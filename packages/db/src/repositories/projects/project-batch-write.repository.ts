import type { ProjectStage } from '@plantrack/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudits } from '../audit/audit.repository.js';
import {
  type ProjectFields,
  annualPlanRows,
  codeTaken,
  columnsWith,
  leadDepartmentId,
  milestoneRows,
} from './project-columns.js';
import { projectNotFound } from './project-write.repository.js';

// A sheet import's writes: many projects in one transaction and a few statements per batch
// instead of a dozen per project (10,000 round trips for a 1,000-row sheet on PostgreSQL).

// Rows per multi-row statement: 200 projects of 33 columns stay under SQLite's
// 32,766 bound parameters.
const CREATE_CHUNK = 200;

async function insertInChunks<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CREATE_CHUNK) await insert(rows.slice(i, i + CREATE_CHUNK));
}

/**
 * {@link createProject} for many projects at once (a sheet import's new rows), in one transaction
 * and a handful of multi-row INSERTs instead of a dozen statements a project: the same rows, audit
 * records and first lifecycle entries. Refuses the whole batch if a 项目代码 is taken or repeated.
 * Returns the new ids in the order of `items`.
 */
export async function createProjects(
  db: Kysely<Database>,
  input: { planId: string; items: readonly { fields: ProjectFields; stage: ProjectStage }[]; by: string },
): Promise<string[]> {
  if (input.items.length === 0) return [];
  return writeTransaction(db, async (trx) => {
    const codes = input.items.flatMap((i) => (i.fields.code === null ? [] : [i.fields.code]));
    const repeated = codes.find((c, n) => codes.indexOf(c) !== n);
    if (repeated !== undefined) throw codeTaken(repeated);
    await insertInChunks(codes, async (chunk) => {
      const taken = await trx
        .selectFrom('projects')
        .select('code')
        .where('plan_id', '=', input.planId)
        .where('code', 'in', chunk)
        .executeTakeFirst();
      if (taken?.code != null) throw codeTaken(taken.code);
    });
    const departments = await departmentsOf(trx, input.planId, input.items);
    const now = nowIso();
    const ids = input.items.map(() => newId());
    const rows = input.items.map(({ fields, stage }, n) => ({
      id: ids[n] as string,
      plan_id: input.planId,
      ...columnsWith(fields, departments.get(fields.leadUnit) ?? null),
      stage,
      revision: 1,
      created_at: now,
      updated_at: now,
    }));
    await insertInChunks(rows, (chunk) => trx.insertInto('projects').values(chunk).execute());
    const plans = input.items.flatMap(({ fields }, n) => annualPlanRows(ids[n] as string, fields));
    await insertInChunks(plans, (chunk) => trx.insertInto('project_annual_plans').values(chunk).execute());
    const steps = input.items.flatMap(({ fields }, n) => milestoneRows(ids[n] as string, fields));
    await insertInChunks(steps, (chunk) => trx.insertInto('project_milestones').values(chunk).execute());
    await appendAudits(
      trx,
      input.items.map(({ fields, stage }, n) => ({
        actor: input.by,
        action: 'project.create',
        entity: 'project',
        entityId: ids[n] as string,
        planId: input.planId,
        detail: { name: fields.name, stage },
      })),
    );
    const transitions = input.items.map(({ stage }, n) => ({
      id: newId(),
      project_id: ids[n] as string,
      from_stage: null,
      to_stage: stage,
      note: null,
      created_at: now,
      created_by: input.by,
    }));
    await insertInChunks(transitions, (chunk) =>
      trx.insertInto('project_transitions').values(chunk).execute(),
    );
    return ids;
  });
}

/** Each 责任单位's department, looked up once however often a sheet names it. */
async function departmentsOf(
  db: Kysely<Database>,
  planId: string,
  items: readonly { fields: ProjectFields }[],
): Promise<Map<string | null, string | null>> {
  const departments = new Map<string | null, string | null>();
  for (const { fields } of items) {
    if (!departments.has(fields.leadUnit))
      departments.set(fields.leadUnit, await leadDepartmentId(db, planId, fields.leadUnit));
  }
  return departments;
}

/**
 * {@link updateProject} for many projects of one plan at once (a sheet re-imported by 项目代码): the
 * same new revision, fields, annual plans, 前期节点 and audit record per project. Refuses the whole
 * batch if a 项目代码 is repeated or held by another project, or a project is not the plan's.
 */
export async function updateProjects(
  db: Kysely<Database>,
  input: { planId: string; items: readonly { projectId: string; fields: ProjectFields }[]; by: string },
): Promise<void> {
  if (input.items.length === 0) return;
  await writeTransaction(db, async (trx) => {
    const ids = input.items.map((i) => i.projectId);
    const revisions = new Map<string, number>();
    await insertInChunks(ids, async (chunk) => {
      const rows = await trx
        .selectFrom('projects')
        .select(['id', 'revision'])
        .where('plan_id', '=', input.planId)
        .where('id', 'in', chunk)
        .execute();
      for (const r of rows) revisions.set(r.id, r.revision);
    });
    if (ids.some((id) => !revisions.has(id))) throw projectNotFound();
    const codes = input.items.flatMap((i) => (i.fields.code === null ? [] : [i.fields.code]));
    const repeated = codes.find((c, n) => codes.indexOf(c) !== n);
    if (repeated !== undefined) throw codeTaken(repeated);
    const wanted = new Map(input.items.map((i) => [i.fields.code, i.projectId]));
    await insertInChunks(codes, async (chunk) => {
      const holders = await trx
        .selectFrom('projects')
        .select(['id', 'code'])
        .where('plan_id', '=', input.planId)
        .where('code', 'in', chunk)
        .execute();
      const other = holders.find((h) => wanted.get(h.code) !== h.id);
      if (other?.code != null) throw codeTaken(other.code);
    });
    const departments = await departmentsOf(trx, input.planId, input.items);
    const now = nowIso();
    // One UPDATE a project (each sets its own values); children and audit in multi-row statements.
    for (const { projectId, fields } of input.items) {
      await trx
        .updateTable('projects')
        .set({
          ...columnsWith(fields, departments.get(fields.leadUnit) ?? null),
          revision: (revisions.get(projectId) ?? 0) + 1,
          updated_at: now,
        })
        .where('id', '=', projectId)
        .execute();
    }
    await insertInChunks(ids, async (chunk) => {
      await trx.deleteFrom('project_annual_plans').where('project_id', 'in', chunk).execute();
      await trx.deleteFrom('project_milestones').where('project_id', 'in', chunk).execute();
    });
    const plans = input.items.flatMap(({ projectId, fields }) => annualPlanRows(projectId, fields));
    await insertInChunks(plans, (chunk) => trx.insertInto('project_annual_plans').values(chunk).execute());
    const steps = input.items.flatMap(({ projectId, fields }) => milestoneRows(projectId, fields));
    await insertInChunks(steps, (chunk) => trx.insertInto('project_milestones').values(chunk).execute());
    await appendAudits(
      trx,
      input.items.map(({ projectId }) => ({
        actor: input.by,
        action: 'project.edit',
        entity: 'project',
        entityId: projectId,
        planId: input.planId,
        detail: { revision: (revisions.get(projectId) ?? 0) + 1 },
      })),
    );
  });
}
