import type { PreparationStep, ProjectLevel, ProjectNature, ProjectStage } from '@plantrack/core';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudits } from '../audit/audit.repository.js';
import { auditProject } from './project-audit.js';

/** The register fields of one project as the office edits them; money in 万元. */
export type ProjectFields = {
  code: string | null;
  name: string;
  level: ProjectLevel | null;
  category: string | null;
  nature: ProjectNature | null;
  place: string | null;
  coordinates: { lng: number; lat: number } | null;
  serves: string[];
  content: string;
  newCapacity: string | null;
  totalWan: number | null;
  funding: { source: string; amountWan: number }[];
  startYear: number | null;
  endYear: number | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  leadUnit: string | null;
  responsiblePerson: string | null;
  linkedLeader: string | null;
  owner: string | null;
  ownerContact: string | null;
  published: boolean;
  /** 年度计划投资 and 年度形象进度目标 per year. */
  annualPlans: { year: number; planWan: number | null; milestoneText: string | null }[];
  /** 前期节点. */
  milestones: {
    step: PreparationStep;
    deadline: string | null;
    department: string | null;
    doneOn: string | null;
  }[];
};

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

const codeTaken = (code: string): ConflictError =>
  new ConflictError('duplicate', {
    zh: `本规划已有项目代码为 ${code} 的项目。`,
    en: `The plan already has a project with code ${code}.`,
  });

/** The department a 责任单位 names (canonical name or alias in the plan's region), so its reporters report it. */
async function leadDepartmentId(
  db: Kysely<Database>,
  planId: string,
  leadUnit: string | null,
): Promise<string | null> {
  if (leadUnit === null || leadUnit.trim() === '') return null;
  const plan = await db.selectFrom('plans').select('region_code').where('id', '=', planId).executeTakeFirst();
  const name = leadUnit.trim();
  let byName = db.selectFrom('departments').select('id').where('canonical_name', '=', name);
  if (plan?.region_code) byName = byName.where('region_code', '=', plan.region_code);
  const found = await byName.executeTakeFirst();
  if (found) return found.id;
  let byAlias = db.selectFrom('department_aliases').select('department_id').where('alias', '=', name);
  if (plan?.region_code) byAlias = byAlias.where('region_code', '=', plan.region_code);
  return (await byAlias.executeTakeFirst())?.department_id ?? null;
}

async function columnsOf(db: Kysely<Database>, planId: string, f: ProjectFields) {
  return columnsWith(f, await leadDepartmentId(db, planId, f.leadUnit));
}

function columnsWith(f: ProjectFields, leadDepartment: string | null) {
  return {
    code: f.code,
    name: f.name,
    level: f.level,
    category: f.category,
    nature: f.nature,
    place: f.place,
    lng: f.coordinates?.lng ?? null,
    lat: f.coordinates?.lat ?? null,
    serves_json: JSON.stringify(f.serves),
    content: f.content,
    new_capacity: f.newCapacity,
    total_wan: f.totalWan,
    funding_json: JSON.stringify(f.funding),
    start_year: f.startYear,
    end_year: f.endYear,
    planned_start: f.plannedStart,
    actual_start: f.actualStart,
    planned_completion: f.plannedCompletion,
    actual_completion: f.actualCompletion,
    lead_unit: f.leadUnit,
    lead_department_id: leadDepartment,
    responsible_person: f.responsiblePerson,
    linked_leader: f.linkedLeader,
    owner: f.owner,
    owner_contact: f.ownerContact,
    published: f.published ? (1 as const) : (0 as const),
  };
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

const annualPlanRows = (projectId: string, f: ProjectFields) =>
  f.annualPlans.map((a) => ({
    project_id: projectId,
    year: a.year,
    plan_wan: a.planWan,
    milestone_text: a.milestoneText,
  }));
const milestoneRows = (projectId: string, f: ProjectFields) =>
  f.milestones.map((m) => ({
    project_id: projectId,
    step: m.step,
    deadline: m.deadline,
    department: m.department,
    done_on: m.doneOn,
  }));

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

// Rows per multi-row INSERT in createProjects: 200 projects of 33 columns stay under SQLite's
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
    // A sheet names a handful of 责任单位 over and over: each is looked up once.
    const departments = new Map<string | null, string | null>();
    for (const { fields } of input.items) {
      if (!departments.has(fields.leadUnit))
        departments.set(fields.leadUnit, await leadDepartmentId(trx, input.planId, fields.leadUnit));
    }
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
