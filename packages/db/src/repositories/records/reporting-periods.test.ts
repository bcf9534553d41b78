import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANNUAL_DUE,
  daysBetween,
  dueDateOf,
  isReported,
  periodsOwed,
  reportStateOf,
  upcomingPeriod,
} from './reporting-periods.js';
import { frequencyOfPeriod, periodBounds } from '../rounds/round-period.js';
import { checkPeriod } from './period.js';

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

  it('lists half-years (2026H1 January–June, 2026H2 July–December) and the running one', () => {
    const half = { frequency: 'half_yearly', dueMonthOffset: 1, dueDay: 20 } as const;
    expect(periodsOwed({ startYear: 2026, asOf: '2027-03-01', cycle: half })).toEqual([
      { period: '2026H1', start: '2026-01-01', end: '2026-06-30', dueDate: '2026-07-20' },
      { period: '2026H2', start: '2026-07-01', end: '2026-12-31', dueDate: '2027-01-20' },
    ]);
    expect(upcomingPeriod({ asOf: '2027-03-01', cycle: half })).toEqual({
      period: '2027H1',
      start: '2027-01-01',
      end: '2027-06-30',
      dueDate: '2027-07-20',
    });
  });

  it('reads a round period’s frequency and bounds, half-years included', () => {
    expect(['2026', '2026H2', '2026Q3', '2026-03', '2026H3', '2026Q5'].map(frequencyOfPeriod)).toEqual([
      'annual',
      'half_yearly',
      'quarterly',
      'monthly',
      null,
      null,
    ]);
    expect(periodBounds('2026H1')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(periodBounds('2026H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodBounds('2026Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(checkPeriod('2026H2')).toBe('2026H2');
    expect(() => checkPeriod('2026H0')).toThrow(/2026H1/);
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
