import { describe, expect, it } from 'vitest';
import { monthlyInvestment } from './investment-series';

type Report = Parameters<typeof monthlyInvestment>[0]['reports'][number];
const report = (month: number, status: Report['status'], ytdWan: number | null): Report => ({
  id: `r${month}`,
  projectId: 'p',
  year: 2026,
  month,
  revisionNo: 1,
  status,
  action: 'submit',
  monthWan: null,
  ytdWan,
  progressText: null,
  reason: null,
  evidenceIds: [],
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'u',
});

describe('monthlyInvestment', () => {
  it('accrues the plan evenly and carries approved totals to the last approved month only', () => {
    const rows = monthlyInvestment(
      {
        annualPlans: [{ year: 2026, planWan: 1200, milestoneText: null }],
        reports: [report(1, 'approved', 100), report(3, 'approved', 400), report(4, 'submitted', 500)],
      },
      2026,
    );
    expect(rows.map((r) => r.planCum).slice(0, 4)).toEqual([100, 200, 300, 400]);
    // February has no report: January's total carries; the submitted April does not count.
    expect(rows.map((r) => r.doneCum).slice(0, 5)).toEqual([100, 100, 400, null, null]);
  });

  it('has no plan line without an annual plan for the year, and no completed line before approval', () => {
    const rows = monthlyInvestment(
      { annualPlans: [{ year: 2025, planWan: 900, milestoneText: null }], reports: [report(1, 'draft', 50)] },
      2026,
    );
    expect(rows.every((r) => r.planCum === null && r.doneCum === null)).toBe(true);
  });
});
