import { type ProjectHealth, projectStatus } from '@plantrack/core';
import { type ProjectDetail, projectLagThreshold, projectReportRevisions } from '@plantrack/db';
import type { AppContext } from '../../context.js';

/** The project's status (正常/滞后/需协调) as of a day, by core's rules, as the page shows it. */
export type ProjectDetailStatus = {
  asOf: string;
  year: number;
  health: ProjectHealth;
  completionRatePct: number | null;
  timeElapsedPct: number;
  gapPoints: number | null;
  lagThresholdPoints: number;
  reasons: { zh: string; en: string }[];
};

/**
 * Recomputes the status the dashboard gives a project, for its own page: the year of `asOf`, its
 * 年度计划投资, the approved 年初至今累计 in force of the last approved month, the office's
 * threshold and the open issues. Same inputs as the dashboard's, so both agree.
 */
export async function detailStatus(
  ctx: AppContext,
  detail: ProjectDetail,
  asOf: string,
): Promise<ProjectDetailStatus> {
  const year = Number(asOf.slice(0, 4));
  const asOfMonth = Number(asOf.slice(5, 7));
  const plan = detail.annualPlans.find((p) => p.year === year)?.planWan ?? null;
  // The approved figure in force per month: the highest approved revision (a pending correction aside).
  const approved = new Map<number, number>();
  for (const r of await projectReportRevisions(ctx.db, detail.id)) {
    if (r.year === year && r.status === 'approved' && r.ytdWan !== null) approved.set(r.month, r.ytdWan);
  }
  const lastMonth = Math.max(0, ...approved.keys());
  const lagThresholdPoints = await projectLagThreshold(ctx.db, detail.planId);
  const status = projectStatus({
    asOf,
    annualPlanWan: plan,
    completedYtdWan:
      lastMonth === 0 ? (detail.stage === '在建' ? 0 : null) : (approved.get(lastMonth) ?? null),
    throughMonth: lastMonth === 0 ? Math.max(asOfMonth, 1) : lastMonth,
    plannedStart: detail.plannedStart,
    actualStart: detail.actualStart,
    plannedCompletion: detail.plannedCompletion,
    actualCompletion: detail.actualCompletion,
    issues: detail.issues,
    lagThresholdPoints,
  });
  return {
    asOf,
    year,
    health: status.health,
    completionRatePct: status.completionRatePct,
    timeElapsedPct: status.timeElapsedPct,
    gapPoints: status.gapPoints,
    lagThresholdPoints,
    reasons: status.reasons,
  };
}
