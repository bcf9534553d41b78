import type { ProjectStage } from '@plantrack/core';
import type { Kysely, Selectable } from 'kysely';
import type { ProjectsTable } from '../../schema/project-tables.schema.js';
import type { Database } from '../../schema/database.schema.js';
import { type ProjectReportRow, currentProjectReports } from './project-report.repository.js';
import { ledBy } from './project-scope.js';
import { type ProjectFields, projectNotFound } from './project-write.repository.js';

/** A project as stored: its register fields plus identity, stage and bookkeeping. */
export type ProjectRecord = ProjectFields & {
  id: string;
  planId: string;
  stage: ProjectStage;
  leadDepartmentId: string | null;
  revision: number;
  updatedAt: string;
};

export type ProjectIssueRecord = {
  id: string;
  text: string;
  department: string | null;
  deadline: string | null;
  state: 'open' | 'resolved';
  createdAt: string;
  createdBy: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
};

export type ProjectTransitionRecord = {
  from: ProjectStage | null;
  to: ProjectStage;
  note: string | null;
  at: string;
  by: string;
};

export type ProjectEvaluationRecord = {
  scopeMet: boolean;
  investmentMet: boolean;
  timeMet: boolean;
  benefitsMet: boolean;
  lessons: string;
  at: string;
  by: string;
};

/** One project with everything its page shows. */
export type ProjectDetail = ProjectRecord & {
  reports: ProjectReportRow[];
  issues: ProjectIssueRecord[];
  transitions: ProjectTransitionRecord[];
  evaluation: ProjectEvaluationRecord | null;
};

type ProjectRow = Selectable<ProjectsTable>;
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

async function hydrate(db: Kysely<Database>, rows: ProjectRow[]): Promise<ProjectRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const plans = [];
  const steps = [];
  // Chunks keep the parameter count under SQLite's limit for large plans.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    plans.push(
      ...(await db
        .selectFrom('project_annual_plans')
        .selectAll()
        .where('project_id', 'in', chunk)
        .orderBy('year')
        .execute()),
    );
    steps.push(
      ...(await db.selectFrom('project_milestones').selectAll().where('project_id', 'in', chunk).execute()),
    );
  }
  const plansBy = groupBy(plans, (p) => p.project_id);
  const stepsBy = groupBy(steps, (s) => s.project_id);
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    code: r.code,
    name: r.name,
    level: r.level,
    category: r.category,
    nature: r.nature,
    place: r.place,
    coordinates: r.lng === null || r.lat === null ? null : { lng: r.lng, lat: r.lat },
    serves: JSON.parse(r.serves_json) as string[],
    content: r.content,
    newCapacity: r.new_capacity,
    totalWan: r.total_wan,
    funding: JSON.parse(r.funding_json) as { source: string; amountWan: number }[],
    startYear: r.start_year,
    endYear: r.end_year,
    plannedStart: r.planned_start,
    actualStart: r.actual_start,
    plannedCompletion: r.planned_completion,
    actualCompletion: r.actual_completion,
    leadUnit: r.lead_unit,
    responsiblePerson: r.responsible_person,
    linkedLeader: r.linked_leader,
    owner: r.owner,
    ownerContact: r.owner_contact,
    published: r.published === 1,
    annualPlans: (plansBy.get(r.id) ?? []).map((p) => ({
      year: p.year,
      planWan: p.plan_wan,
      milestoneText: p.milestone_text,
    })),
    milestones: (stepsBy.get(r.id) ?? []).map((s) => ({
      step: s.step,
      deadline: s.deadline,
      department: s.department,
      doneOn: s.done_on,
    })),
    stage: r.stage,
    leadDepartmentId: r.lead_department_id,
    revision: r.revision,
    updatedAt: r.updated_at,
  }));
}

/** Filters of the project list; all optional and combined with AND. */
export type ProjectListFilter = {
  stage?: ProjectStage;
  category?: string;
  /** The 责任单位 (departments) whose projects to list; an empty list lists none. */
  leadDepartmentIds?: readonly string[];
  leadUnit?: string;
  place?: string;
  publishedOnly?: boolean;
};

/** The plan's projects, by name, with their register fields. */
export async function listProjects(
  db: Kysely<Database>,
  planId: string,
  filter: ProjectListFilter = {},
): Promise<ProjectRecord[]> {
  let q = db.selectFrom('projects').selectAll().where('plan_id', '=', planId);
  if (filter.stage !== undefined) q = q.where('stage', '=', filter.stage);
  if (filter.category !== undefined) q = q.where('category', '=', filter.category);
  if (filter.leadDepartmentIds !== undefined)
    q = q.where(ledBy('lead_department_id', filter.leadDepartmentIds));
  if (filter.leadUnit !== undefined) q = q.where('lead_unit', '=', filter.leadUnit);
  if (filter.place !== undefined) q = q.where('place', '=', filter.place);
  if (filter.publishedOnly === true) q = q.where('published', '=', 1);
  return hydrate(db, await q.orderBy('name').orderBy('id').execute());
}

/** One project's register fields, or a NotFoundError. */
export async function getProjectRecord(db: Kysely<Database>, projectId: string): Promise<ProjectRecord> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirst();
  if (row === undefined) throw projectNotFound();
  const [record] = await hydrate(db, [row]);
  return record as ProjectRecord;
}

/** Several projects' register fields, in any order (unknown ids are left out). */
export async function getProjectRecords(
  db: Kysely<Database>,
  projectIds: readonly string[],
): Promise<ProjectRecord[]> {
  const rows = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    if (chunk.length > 0)
      rows.push(...(await db.selectFrom('projects').selectAll().where('id', 'in', chunk).execute()));
  }
  return hydrate(db, rows);
}

/** One project with its current reports, issues, transitions and post-evaluation. */
export async function getProjectDetail(db: Kysely<Database>, projectId: string): Promise<ProjectDetail> {
  const record = await getProjectRecord(db, projectId);
  const issues = await db
    .selectFrom('project_issues')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const transitions = await db
    .selectFrom('project_transitions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('id')
    .execute();
  const evaluation = await db
    .selectFrom('project_evaluations')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return {
    ...record,
    reports: await currentProjectReports(db, projectId),
    issues: issues.map((i) => ({
      id: i.id,
      text: i.text,
      department: i.department,
      deadline: i.deadline,
      state: i.state,
      createdAt: i.created_at,
      createdBy: i.created_by,
      resolvedAt: i.resolved_at,
      resolvedBy: i.resolved_by,
      resolution: i.resolution,
    })),
    transitions: transitions.map((t) => ({
      from: t.from_stage,
      to: t.to_stage,
      note: t.note,
      at: t.created_at,
      by: t.created_by,
    })),
    evaluation:
      evaluation === undefined
        ? null
        : {
            scopeMet: evaluation.scope_met === 1,
            investmentMet: evaluation.investment_met === 1,
            timeMet: evaluation.time_met === 1,
            benefitsMet: evaluation.benefits_met === 1,
            lessons: evaluation.lessons,
            at: evaluation.created_at,
            by: evaluation.created_by,
          },
  };
}

/** Whether a project belongs to the plan (routes check the path's plan against the project). */
export async function projectPlanId(
  db: Kysely<Database>,
  projectId: string,
): Promise<{ planId: string; leadDepartmentId: string | null } | null> {
  const row = await db
    .selectFrom('projects')
    .select(['plan_id', 'lead_department_id'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  return row === undefined ? null : { planId: row.plan_id, leadDepartmentId: row.lead_department_id };
}
