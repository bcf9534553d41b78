import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANNUAL_DUE,
  daysBetween,
  dueDateOf,
  isReported,
  periodsOwed,
  reportStateOf,
} from './reporting-periods.js';

const annual = { frequency: 'annual', ...DEFAULT_ANNUAL_DUE } as const;

describe('reporting periods', () => {
  it('owes nothing before the first year has ended', () => {
    expect(periodsOwed({ startYear: 2026, asOf: '2026-12-31', cycle: annual })).toEqual([]);
  });

  it('owes each ended year, due on 31 March of the next year by default', () => {
    expect(periodsOwed({ startYear: 2026, endYear: 2030, asOf: '2028-02-01', cycle: annual })).toEqual([
      { period: '2026', start: '2026-01-01', end: '2026-12-31', dueDate: '2027-03-31' },
      { period: '2027', start: '2027-01-01', end: '2027-12-31', dueDate: '2028-03-31' },
    ]);
  });

  it('stops at the plan’s last year', () => {
    const owed = periodsOwed({ startYear: 2026, endYear: 2027, asOf: '2035-01-01', cycle: annual });
    expect(owed.map((p) => p.period)).toEqual(['2026', '2027']);
  });

  it('lists quarters and months, clamping the due day to the month', () => {
    const quarterly = { frequency: 'quarterly', dueMonthOffset: 1, dueDay: 31 } as const;
    expect(periodsOwed({ startYear: 2026, asOf: '2026-10-01', cycle: quarterly })).toEqual([
      { period: '2026Q1', start: '2026-01-01', end: '2026-03-31', dueDate: '2026-04-30' },
      { period: '2026Q2', start: '2026-04-01', end: '2026-06-30', dueDate: '2026-07-31' },
      { period: '2026Q3', start: '2026-07-01', end: '2026-09-30', dueDate: '2026-10-31' },
    ]);
    const monthly = { frequency: 'monthly', dueMonthOffset: 0, dueDay: 31 } as const;
    const months = periodsOwed({ startYear: 2028, asOf: '2028-03-15', cycle: monthly });
    expect(months).toEqual([
      { period: '2028-01', start: '2028-01-01', end: '2028-01-31', dueDate: '2028-01-31' },
      { period: '2028-02', start: '2028-02-01', end: '2028-02-29', dueDate: '2028-02-29' },
    ]);
    expect(dueDateOf(2026, 12, { dueMonthOffset: 2, dueDay: 10 })).toBe('2027-02-10');
  });

  it('refuses a malformed date', () => {
    expect(() => periodsOwed({ startYear: 2026, asOf: '2026-02-30', cycle: annual })).toThrow(/Invalid date/);
    expect(() => periodsOwed({ startYear: 2026, asOf: 'today', cycle: annual })).toThrow(/Invalid date/);
  });

  it('takes the most advanced state of the latest revisions', () => {
    expect(reportStateOf([])).toBe('missing');
    expect(reportStateOf(['draft'])).toBe('draft');
    expect(reportStateOf(['draft', 'returned'])).toBe('returned');
    expect(reportStateOf(['returned', 'approved'])).toBe('approved');
    expect(isReported('submitted')).toBe(true);
    expect(isReported('returned')).toBe(false);
    expect(daysBetween('2027-03-01', '2027-03-31')).toBe(30);
    expect(daysBetween('2027-04-02', '2027-03-31')).toBe(-2);
  });
});
