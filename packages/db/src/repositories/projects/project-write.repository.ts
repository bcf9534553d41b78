import type { ProjectStage } from '@plantrack/core';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { auditProject } from './project-audit.js';
import {
  type ProjectFields,
  annualPlanRows,
  codeTaken,
  columnsWith,
  leadDepartmentId,
  milestoneRows,
} from './project-columns.js';

export type { ProjectFields } from './project-columns.js';

/** A project with nothing but a name: the defaults every other field takes. */
export function emptyProjectFields(name: string): ProjectFields {
  return {
    code: null,
    name,
    level: null,
    category: null,
    nature: null,
    place: null,
    coordinates: null,
    serves: [],
    content: '',
    newCapacity: null,
    totalWan: null,
    funding: [],
    startYear: null,
    endYear: null,
    plannedStart: null,
    actualStart: null,
    plannedCompletion: null,
    actualCompletion: null,
    leadUnit: null,
    responsiblePerson: null,
    linkedLeader: null,
    owner: null,
    ownerContact: null,
    published: false,
    annualPlans: [],
    milestones: [],
  };
}

async function columnsOf(db: Kysely<Database>, planId: string, f: ProjectFields) {
  return columnsWith(f, await leadDepartmentId(db, planId, f.leadUnit));
}

async function assertCodeFree(
  db: Kysely<Database>,
  planId: string,
  code: string | null,
  exceptId: string | null,
) {
  if (code === null) return;
  let q = db.selectFrom('projects').select('id').where('plan_id', '=', planId).where('code', '=', code);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  if ((await q.executeTakeFirst()) !== undefined) throw codeTaken(code);
}

async function replaceChildren(db: Kysely<Database>, projectId: string, f: ProjectFields): Promise<void> {
  await db.deleteFrom('project_annual_plans').where('project_id', '=', projectId).execute();
  await db.deleteFrom('project_milestones').where('project_id', '=', projectId).execute();
  if (f.annualPlans.length > 0) {
    await db.insertInto('project_annual_plans').values(annualPlanRows(projectId, f)).execute();
  }
  if (f.milestones.length > 0) {
    await db.insertInto('project_milestones').values(milestoneRows(projectId, f)).execute();
  }
}

/**
 * Adds a project to the plan's register in the given stage and records the first lifecycle entry
 * (from nothing to `stage`) so the timeline starts where the project entered the register.
 */
export async function createProject(
  db: Kysely<Database>,
  input: { planId: string; fields: ProjectFields; stage: ProjectStage; by: string },
): Promise<string> {
  return writeTransaction(db, async (trx) => {
    await assertCodeFree(trx, input.planId, input.fields.code, null);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('projects')
      .values({
        id,
        plan_id: input.planId,
        ...(await columnsOf(trx, input.planId, input.fields)),
        stage: input.stage,
        revision: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await replaceChildren(trx, id, input.fields);
    await auditProject(trx, {
      actor: input.by,
      action: 'create',
      projectId: id,
      detail: { name: input.fields.name, stage: input.stage },
    });
    await trx
      .insertInto('project_transitions')
      .values({
        id: newId(),
        project_id: id,
        from_stage: null,
        to_stage: input.stage,
        note: null,
        created_at: now,
        created_by: input.by,
      })
      .execute();
    return id;
  });
}

/**
 * Replaces a project's register fields (not its stage: that moves only by a lifecycle transition).
 * `expectedRevision`, when given, refuses an edit made on a stale copy.
 */
export async function updateProject(
  db: Kysely<Database>,
  input: { projectId: string; fields: ProjectFields; expectedRevision?: number; by: string },
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('projects')
      .select(['plan_id', 'revision'])
      .where('id', '=', input.projectId)
      .executeTakeFirst();
    if (row === undefined) throw projectNotFound();
    if (input.expectedRevision !== undefined && input.expectedRevision !== row.revision) {
      throw new ConflictError(
        'stale-revision',
        {
          zh: '项目已被他人修改，请刷新后重试。',
          en: 'The project was changed by someone else; reload and try again.',
        },
        row.revision,
      );
    }
    await assertCodeFree(trx, row.plan_id, input.fields.code, input.projectId);
    const revision = row.revision + 1;
    await trx
      .updateTable('projects')
      .set({ ...(await columnsOf(trx, row.plan_id, input.fields)), revision, updated_at: nowIso() })
      .where('id', '=', input.projectId)
      .execute();
    await replaceChildren(trx, input.projectId, input.fields);
    await auditProject(trx, {
      actor: input.by,
      action: 'edit',
      projectId: input.projectId,
      detail: { revision },
    });
    return revision;
  });
}

/** The NotFoundError every project function throws for an unknown id. */
export function projectNotFound(): NotFoundError {
  return new NotFoundError({ zh: '找不到该项目。', en: 'Project not found.' });
}
