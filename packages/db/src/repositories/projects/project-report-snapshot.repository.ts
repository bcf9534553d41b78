import type { ProjectStage } from '@plantrack/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { projectLagThreshold } from './project-lifecycle.repository.js';

/** An approved monthly report figure as a report's 数据来源 names it: revision, month, approver. */
export type ReportProjectFigureRow<T> = {
  revisionId: string;
  month: number;
  value: T;
  approvedAt: string;
  approvedBy: string;
};

/**
 * One project as an evaluation report's 表3 reads it: the register's facts (as they stand: the
 * register keeps no history of them), the year's plan, the newest approved 年初至今累计 and 形象进度
 * of the year at the cut-off, and the issues open at the cut-off.
 */
export type ReportProjectRow = {
  projectId: string;
  name: string;
  leadUnit: string | null;
  stage: ProjectStage;
  totalWan: number | null;
  annualPlanWan: number | null;
  revision: number;
  updatedAt: string;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  completedYtd: ReportProjectFigureRow<number> | null;
  progress: ReportProjectFigureRow<string> | null;
  openIssues: { text: string; department: string | null; deadline: string | null }[];
};

/**
 * The projects of a plan for an evaluation report of `year`, read as of `cutoff` (an ISO instant):
 * every project but those already past 后评价 without a plan for the year, in name order; for each, the
 * approved monthly reports of that year written at or before the cut-off (the highest approved
 * revision of a month is the one in force). Also the office's lag threshold, for the status rules.
 */
export async function reportProjectRows(
  db: Kysely<Database>,
  input: { planId: string; year: number; cutoff: string },
): Promise<{ projects: ReportProjectRow[]; lagThresholdPoints: number }> {
  const [projects, reports, issues, lagThresholdPoints] = await Promise.all([
    db
      .selectFrom('projects')
      .leftJoin('project_annual_plans as ap', (j) =>
        j.onRef('ap.project_id', '=', 'projects.id').on('ap.year', '=', input.year),
      )
      .select([
        'projects.id',
        'projects.name',
        'projects.lead_unit',
        'projects.total_wan',
        'projects.stage',
        'projects.revision',
        'projects.updated_at',
        'projects.planned_start',
        'projects.actual_start',
        'projects.planned_completion',
        'projects.actual_completion',
        'ap.plan_wan',
      ])
      .where('projects.plan_id', '=', input.planId)
      .where('projects.created_at', '<=', input.cutoff)
      .execute(),
    db
      .selectFrom('project_reports as r')
      .innerJoin('projects', 'projects.id', 'r.project_id')
      .leftJoin('users as u', 'u.id', 'r.created_by')
      .select(['r.id', 'r.project_id', 'r.month', 'r.revision_no', 'r.ytd_wan', 'r.progress_text'])
      .select(['r.created_at', 'r.created_by', 'u.display_name'])
      .where('projects.plan_id', '=', input.planId)
      .where('r.year', '=', input.year)
      .where('r.status', '=', 'approved')
      .where('r.created_at', '<=', input.cutoff)
      .orderBy('r.month')
      .orderBy('r.revision_no')
      .execute(),
    db
      .selectFrom('project_issues as i')
      .innerJoin('projects', 'projects.id', 'i.project_id')
      .select(['i.project_id', 'i.text', 'i.department', 'i.deadline', 'i.created_at', 'i.resolved_at'])
      .where('projects.plan_id', '=', input.planId)
      .where('i.created_at', '<=', input.cutoff)
      .orderBy('i.created_at')
      .execute(),
    projectLagThreshold(db, input.planId),
  ]);

  // Per project and month the approved revision in force (rows come in month, revision order).
  const inForce = new Map<string, Map<number, (typeof reports)[number]>>();
  for (const r of reports) {
    const months = inForce.get(r.project_id) ?? new Map<number, (typeof reports)[number]>();
    months.set(r.month, r);
    inForce.set(r.project_id, months);
  }
  const figure = <T>(r: (typeof reports)[number], value: T): ReportProjectFigureRow<T> => ({
    revisionId: r.id,
    month: r.month,
    value,
    approvedAt: r.created_at,
    approvedBy: r.display_name ?? r.created_by,
  });

  return {
    lagThresholdPoints,
    projects: projects
      .filter((p) => p.stage !== '后评价' || p.plan_wan !== null)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))
      .map((p) => {
        const months = [...(inForce.get(p.id)?.values() ?? [])].sort((a, b) => b.month - a.month);
        const ytd = months.find((r) => r.ytd_wan !== null);
        const progress = months.find((r) => (r.progress_text ?? '').trim() !== '');
        return {
          projectId: p.id,
          name: p.name,
          leadUnit: p.lead_unit,
          stage: p.stage,
          totalWan: p.total_wan,
          annualPlanWan: p.plan_wan,
          revision: p.revision,
          updatedAt: p.updated_at,
          plannedStart: p.planned_start,
          actualStart: p.actual_start,
          plannedCompletion: p.planned_completion,
          actualCompletion: p.actual_completion,
          completedYtd: ytd === undefined || ytd.ytd_wan === null ? null : figure(ytd, ytd.ytd_wan),
          progress:
            progress === undefined || progress.progress_text === null
              ? null
              : figure(progress, progress.progress_text.trim()),
          openIssues: issues
            .filter((i) => i.project_id === p.id && (i.resolved_at === null || i.resolved_at > input.cutoff))
            .map((i) => ({ text: i.text, department: i.department, deadline: i.deadline })),
        };
      }),
  };
}
