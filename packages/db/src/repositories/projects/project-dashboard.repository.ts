import {
  type BilingualMessage,
  type ProjectHealth,
  type ProjectIssue,
  type ProjectStage,
  projectStatus,
} from '@plantrack/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { projectLagThreshold } from './project-lifecycle.repository.js';
import { ledBy } from './project-scope.js';

/** Investment against plan for one group (category, department or town); 万元. */
export type ProjectGroupTotal = { key: string; projects: number; planWan: number; completedWan: number };

/** A project the status rules flag, with the reasons (zh/en) from core. */
export type FlaggedProject = {
  projectId: string;
  name: string;
  leadUnit: string | null;
  health: ProjectHealth;
  completionRatePct: number | null;
  gapPoints: number | null;
  reasons: BilingualMessage[];
};

export type ProjectsDashboard = {
  year: number;
  asOf: string;
  lagThresholdPoints: number;
  projects: number;
  planWan: number;
  completedWan: number;
  /** Per month: the pro-rata plan and the approved 年初至今累计 (each project's last approved total carried forward). */
  byMonth: { month: number; planWan: number; completedWan: number }[];
  byCategory: ProjectGroupTotal[];
  byDepartment: ProjectGroupTotal[];
  byTown: ProjectGroupTotal[];
  flagged: FlaggedProject[];
  openIssuesByDepartment: { department: string; open: number; overdue: number }[];
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

function addTo(
  groups: Map<string, ProjectGroupTotal>,
  key: string,
  planWan: number,
  completedWan: number,
): void {
  const g = groups.get(key) ?? { key, projects: 0, planWan: 0, completedWan: 0 };
  g.projects += 1;
  g.planWan += planWan;
  g.completedWan += completedWan;
  groups.set(key, g);
}
const listOf = (groups: Map<string, ProjectGroupTotal>): ProjectGroupTotal[] =>
  [...groups.values()]
    .map((g) => ({ ...g, planWan: round2(g.planWan), completedWan: round2(g.completedWan) }))
    .sort((a, b) => b.planWan - a.planWan || a.key.localeCompare(b.key));

const UNSET = '（未填）';
const ACTIVE: readonly ProjectStage[] = ['前期', '在建', '竣工', '储备'];

/**
 * The projects dashboard of a plan for `year` as of `asOf` (YYYY-MM-DD, passed in by the caller):
 * approved reports only, status by core's rules with the office's threshold. `leadDepartmentIds`
 * narrows it to those 责任单位' projects (none for an empty list); `publishedOnly` to what the
 * public may see.
 */
export async function projectsDashboard(
  db: Kysely<Database>,
  input: {
    planId: string;
    year: number;
    asOf: string;
    leadDepartmentIds?: readonly string[];
    publishedOnly?: boolean;
  },
): Promise<ProjectsDashboard> {
  let pq = db
    .selectFrom('projects')
    .leftJoin('project_annual_plans as ap', (j) =>
      j.onRef('ap.project_id', '=', 'projects.id').on('ap.year', '=', input.year),
    )
    .select([
      'projects.id',
      'projects.name',
      'projects.category',
      'projects.lead_unit',
      'projects.place',
      'projects.stage',
      'projects.planned_start',
      'projects.actual_start',
      'projects.planned_completion',
      'projects.actual_completion',
      'ap.plan_wan',
    ])
    .where('projects.plan_id', '=', input.planId);
  if (input.leadDepartmentIds !== undefined)
    pq = pq.where(ledBy('projects.lead_department_id', input.leadDepartmentIds));
  if (input.publishedOnly === true) pq = pq.where('projects.published', '=', 1);
  const projects = (await pq.execute()).filter((p) => ACTIVE.includes(p.stage) || p.plan_wan !== null);

  let rq = db
    .selectFrom('project_reports as r')
    .innerJoin('projects', 'projects.id', 'r.project_id')
    .select(['r.project_id', 'r.month', 'r.ytd_wan', 'r.revision_no'])
    .where('projects.plan_id', '=', input.planId)
    .where('r.year', '=', input.year)
    .where('r.status', '=', 'approved');
  if (input.leadDepartmentIds !== undefined)
    rq = rq.where(ledBy('projects.lead_department_id', input.leadDepartmentIds));
  const reports = await rq.execute();
  // The approved figure in force per project and month: the highest approved revision.
  const ytd = new Map<string, Map<number, { rev: number; wan: number }>>();
  for (const r of reports) {
    if (r.ytd_wan === null) continue;
    const months = ytd.get(r.project_id) ?? new Map<number, { rev: number; wan: number }>();
    const seen = months.get(r.month);
    if (seen === undefined || seen.rev < r.revision_no)
      months.set(r.month, { rev: r.revision_no, wan: r.ytd_wan });
    ytd.set(r.project_id, months);
  }

  let iq = db
    .selectFrom('project_issues as i')
    .innerJoin('projects', 'projects.id', 'i.project_id')
    .select(['i.project_id', 'i.text', 'i.department', 'i.deadline', 'i.state'])
    .where('projects.plan_id', '=', input.planId)
    .where('i.state', '=', 'open');
  if (input.leadDepartmentIds !== undefined)
    iq = iq.where(ledBy('projects.lead_department_id', input.leadDepartmentIds));
  const issues = await iq.execute();
  const issuesBy = new Map<string, ProjectIssue[]>();
  const byIssueDept = new Map<string, { department: string; open: number; overdue: number }>();
  for (const i of issues) {
    const list = issuesBy.get(i.project_id) ?? [];
    list.push({ text: i.text, department: i.department, deadline: i.deadline, state: i.state });
    issuesBy.set(i.project_id, list);
    const key = i.department ?? UNSET;
    const d = byIssueDept.get(key) ?? { department: key, open: 0, overdue: 0 };
    d.open += 1;
    if (i.deadline !== null && i.deadline < input.asOf) d.overdue += 1;
    byIssueDept.set(key, d);
  }

  const threshold = await projectLagThreshold(db, input.planId);
  const asOfYear = Number(input.asOf.slice(0, 4));
  const asOfMonth = asOfYear === input.year ? Number(input.asOf.slice(5, 7)) : asOfYear > input.year ? 12 : 1;
  const monthly = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planWan: 0, completedWan: 0 }));
  const byCategory = new Map<string, ProjectGroupTotal>();
  const byDepartment = new Map<string, ProjectGroupTotal>();
  const byTown = new Map<string, ProjectGroupTotal>();
  const flagged: FlaggedProject[] = [];
  let planTotal = 0;
  let completedTotal = 0;
  for (const p of projects) {
    const planWan = p.plan_wan === null ? 0 : p.plan_wan;
    const months = ytd.get(p.id);
    let carried = 0;
    let lastMonth = 0;
    for (const m of monthly) {
      const found = months?.get(m.month);
      if (found !== undefined) {
        carried = found.wan;
        lastMonth = m.month;
      }
      m.planWan += (planWan * m.month) / 12;
      if (m.month <= asOfMonth) m.completedWan += carried;
    }
    const completed = lastMonth === 0 ? 0 : carried;
    planTotal += planWan;
    completedTotal += completed;
    addTo(byCategory, p.category ?? UNSET, planWan, completed);
    addTo(byDepartment, p.lead_unit ?? UNSET, planWan, completed);
    addTo(byTown, p.place ?? UNSET, planWan, completed);
    const status = projectStatus({
      asOf: input.asOf,
      annualPlanWan: p.plan_wan === null ? null : planWan,
      completedYtdWan: lastMonth === 0 ? (p.stage === '在建' ? 0 : null) : completed,
      throughMonth: lastMonth === 0 ? Math.max(asOfMonth, 1) : lastMonth,
      plannedStart: p.planned_start,
      actualStart: p.actual_start,
      plannedCompletion: p.planned_completion,
      actualCompletion: p.actual_completion,
      issues: issuesBy.get(p.id) ?? [],
      lagThresholdPoints: threshold,
    });
    if (status.health !== '正常') {
      flagged.push({
        projectId: p.id,
        name: p.name,
        leadUnit: p.lead_unit,
        health: status.health,
        completionRatePct: status.completionRatePct,
        gapPoints: status.gapPoints,
        reasons: status.reasons,
      });
    }
  }
  flagged.sort((a, b) => (a.gapPoints ?? 0) - (b.gapPoints ?? 0) || a.name.localeCompare(b.name));
  return {
    year: input.year,
    asOf: input.asOf,
    lagThresholdPoints: threshold,
    projects: projects.length,
    planWan: round2(planTotal),
    completedWan: round2(completedTotal),
    byMonth: monthly.map((m) => ({
      month: m.month,
      planWan: round2(m.planWan),
      completedWan: round2(m.completedWan),
    })),
    byCategory: listOf(byCategory),
    byDepartment: listOf(byDepartment),
    byTown: listOf(byTown),
    flagged,
    openIssuesByDepartment: [...byIssueDept.values()].sort(
      (a, b) => b.open - a.open || a.department.localeCompare(b.department),
    ),
  };
}
