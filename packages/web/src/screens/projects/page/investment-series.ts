import type { ProjectDetailView } from '@plantrack/api';

export type InvestmentRow = { month: number; planCum: number | null; doneCum: number | null };

/**
 * The year's investment against plan, month by month: 年度计划投资 accrued evenly (plan × m / 12),
 * and the approved 年初至今累计 carried forward to the last approved month (later months empty).
 * The page has each month's newest revision, so a month whose correction awaits review counts
 * only once it is approved again.
 */
export function monthlyInvestment(
  project: Pick<ProjectDetailView, 'annualPlans' | 'reports'>,
  year: number,
): InvestmentRow[] {
  const plan = project.annualPlans.find((p) => p.year === year)?.planWan ?? null;
  const approved = new Map<number, number>();
  for (const r of project.reports) {
    if (r.year === year && r.status === 'approved' && r.ytdWan !== null) approved.set(r.month, r.ytdWan);
  }
  const last = Math.max(0, ...approved.keys());
  let carried: number | null = null;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    carried = approved.get(month) ?? carried;
    return {
      month,
      planCum: plan === null ? null : Math.round(((plan * month) / 12) * 100) / 100,
      doneCum: month <= last ? (carried ?? 0) : null,
    };
  });
}
