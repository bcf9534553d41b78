import type { ProjectStage } from '@plantrack/core';
import {
  type ProjectDetail,
  type ProjectFields,
  type ProjectRecord,
  actOnProjectReport,
  addProjectIssue,
  createProject,
  getProjectDetail,
  listProjects,
  projectPlanId,
  recordPostEvaluation,
  resolveProjectIssue,
  transitionProject,
  updateProject,
  type PostEvaluationInput,
  type ProjectReportRow,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import {
  canManageProjects,
  canReadAllProjects,
  canReadProject,
  canReadSomeProjects,
  canReportProject,
  canReviewProjectReports,
} from '../../policies/project.policy.js';
import { asOfOrToday } from '../records/reporting.service.js';
import { cachedProjectsBoard, cachedProjectsBoardJson } from './projects-dashboard.cache.js';
import { type ProjectDetailStatus, detailStatus } from './project-detail-status.js';
import { checkReportEvidence } from './project-report-evidence.js';

/** A project's page: its stored detail and its status as of today. */
export type ProjectPageDetail = ProjectDetail & { status: ProjectDetailStatus };

async function pageOf(ctx: AppContext, projectId: string): Promise<ProjectPageDetail> {
  const detail = await getProjectDetail(ctx.db, projectId);
  return { ...detail, status: await detailStatus(ctx, detail, asOfOrToday(undefined)) };
}

/** The project's plan and 责任单位, or 404. */
async function projectOwner(
  ctx: AppContext,
  projectId: string,
): Promise<{ planId: string; leadDepartmentId: string | null }> {
  const found = await projectPlanId(ctx.db, projectId);
  if (found === null) throw notFound('project');
  return found;
}

/** The 责任单位 a reporter is limited to (each of their departments), or undefined for whole-register readers. */
function ownDepartments(p: Principal): readonly string[] | undefined {
  return canReadAllProjects(p) ? undefined : p.departmentIds;
}

export type ProjectListOptions = {
  stage?: ProjectStage;
  category?: string;
  department?: string;
  town?: string;
  lagging?: 'true' | 'false';
  year?: number;
  asOf?: string;
};

/** The plan's projects with the list's filters; reporters get their department's only. */
export async function listPlanProjects(
  ctx: AppContext,
  p: Principal,
  planId: string,
  q: ProjectListOptions,
): Promise<{ items: ProjectRecord[] }> {
  enforce(p, canReadSomeProjects(p));
  const leadDepartmentIds = ownDepartments(p);
  let items = await listProjects(ctx.db, planId, {
    ...(q.stage === undefined ? {} : { stage: q.stage }),
    ...(q.category === undefined ? {} : { category: q.category }),
    ...(q.department === undefined ? {} : { leadUnit: q.department }),
    ...(q.town === undefined ? {} : { place: q.town }),
    ...(leadDepartmentIds === undefined ? {} : { leadDepartmentIds }),
  });
  if (q.lagging !== undefined) {
    const asOf = asOfOrToday(q.asOf);
    const board = await cachedProjectsBoard(ctx, {
      planId,
      year: q.year ?? Number(asOf.slice(0, 4)),
      asOf,
      leadDepartmentIds,
    });
    const flagged = new Set(board.flagged.map((f) => f.projectId));
    items = items.filter((i) => flagged.has(i.id) === (q.lagging === 'true'));
  }
  return { items };
}

/** Published fields of published projects, for anyone. */
export async function listPublicProjects(
  ctx: AppContext,
  planId: string,
): Promise<{ items: ProjectRecord[] }> {
  return { items: await listProjects(ctx.db, planId, { publishedOnly: true }) };
}

export async function readProject(
  ctx: AppContext,
  p: Principal,
  projectId: string,
): Promise<ProjectPageDetail> {
  const owner = await projectOwner(ctx, projectId);
  enforce(p, canReadProject(p, owner.leadDepartmentId));
  return pageOf(ctx, projectId);
}

export async function addProject(
  ctx: AppContext,
  p: Principal,
  planId: string,
  body: { fields: ProjectFields; stage: ProjectStage },
): Promise<ProjectPageDetail> {
  enforce(p, canManageProjects(p));
  const id = await createProject(ctx.db, { planId, fields: body.fields, stage: body.stage, by: actorOf(p) });
  return pageOf(ctx, id);
}

export async function editProject(
  ctx: AppContext,
  p: Principal,
  projectId: string,
  body: { fields: ProjectFields; expectedRevision: number },
): Promise<ProjectPageDetail> {
  enforce(p, canManageProjects(p));
  await projectOwner(ctx, projectId);
  await updateProject(ctx.db, {
    projectId,
    fields: body.fields,
    expectedRevision: body.expectedRevision,
    by: actorOf(p),
  });
  return pageOf(ctx, projectId);
}

export async function moveProject(
  ctx: AppContext,
  p: Principal,
  projectId: string,
  body: { to: Exclude<ProjectStage, '后评价'>; note: string | null },
): Promise<ProjectPageDetail> {
  enforce(p, canManageProjects(p));
  await transitionProject(ctx.db, { projectId, to: body.to, note: body.note, by: actorOf(p) });
  return pageOf(ctx, projectId);
}

export async function raiseIssue(
  ctx: AppContext,
  p: Principal,
  projectId: string,
  body: { text: string; department: string | null; deadline: string | null },
): Promise<ProjectPageDetail> {
  const owner = await projectOwner(ctx, projectId);
  enforce(p, canReportProject(p, owner.leadDepartmentId));
  await addProjectIssue(ctx.db, { projectId, ...body, by: actorOf(p) });
  return pageOf(ctx, projectId);
}

export async function resolveIssue(
  ctx: AppContext,
  p: Principal,
  projectId: string,
  issueId: string,
  body: { resolution: string | null },
): Promise<ProjectPageDetail> {
  enforce(p, canManageProjects(p));
  await resolveProjectIssue(ctx.db, { projectId, issueId, resolution: body.resolution, by: actorOf(p) });
  return pageOf(ctx, projectId);
}

export async function evaluateProject(
  ctx: AppContext,
  p: Principal,
  projectId: string,
  body: PostEvaluationInput,
): Promise<ProjectPageDetail> {
  enforce(p, canManageProjects(p));
  await recordPostEvaluation(ctx.db, { projectId, evaluation: body, by: actorOf(p) });
  return pageOf(ctx, projectId);
}

/** A reporter's month: save, submit or correct (quality checks in storage). */
export async function writeReport(
  ctx: AppContext,
  p: Principal,
  projectId: string,
  body: {
    year: number;
    month: number;
    action: 'save_draft' | 'submit' | 'correct';
    monthWan: number | null;
    ytdWan: number | null;
    progressText: string | null;
    reason: string | null;
    evidenceIds: string[];
    expectedRevision?: number | undefined;
  },
): Promise<ProjectReportRow> {
  const owner = await projectOwner(ctx, projectId);
  enforce(p, canReportProject(p, owner.leadDepartmentId));
  await checkReportEvidence(ctx, { projectId, year: body.year, month: body.month }, body.evidenceIds);
  const { expectedRevision, ...report } = body;
  return actOnProjectReport(ctx.db, {
    projectId,
    ...report,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    by: actorOf(p),
  });
}

/** A reviewer's decision on a month. */
export async function reviewReport(
  ctx: AppContext,
  p: Principal,
  projectId: string,
  body: { year: number; month: number; action: 'approve' | 'return'; reason: string | null },
): Promise<ProjectReportRow> {
  enforce(p, canReviewProjectReports(p));
  await projectOwner(ctx, projectId);
  return actOnProjectReport(ctx.db, { projectId, ...body, by: actorOf(p) });
}

/** The projects dashboard as JSON text; a reporter's is limited to their department's projects. */
export async function readProjectsDashboardJson(
  ctx: AppContext,
  p: Principal,
  planId: string,
  q: { year?: number; asOf?: string },
): Promise<string> {
  enforce(p, canReadSomeProjects(p));
  const asOf = asOfOrToday(q.asOf);
  return cachedProjectsBoardJson(ctx, {
    planId,
    year: q.year ?? Number(asOf.slice(0, 4)),
    asOf,
    leadDepartmentIds: ownDepartments(p),
  });
}
