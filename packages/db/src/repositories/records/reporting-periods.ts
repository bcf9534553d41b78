import { InvalidInputError } from '../../errors.js';
import type { Frequency, ReviewStatus } from '../../schema/monitoring-tables.schema.js';

/**
 * When a period's report is due: `dueMonthOffset` months after the month the period ends, on
 * `dueDay` (clamped to the length of that month, so 31 means the last day).
 */
export type DueRule = { dueMonthOffset: number; dueDay: number };

/** How often an item is reported and when each report is due (a `reporting_cycles` row). */
export type CycleRule = DueRule & { frequency: Frequency };

/**
 * The default for every indicator and task without a `reporting_cycles` row: annual, due on
 * 31 March of the following year (the annual monitoring report is prepared in the spring, once the
 * statistics bureau has published the year's figures). Servers may configure another rule.
 */
export const DEFAULT_ANNUAL_DUE: DueRule = { dueMonthOffset: 3, dueDay: 31 };

/** The state of an item's report for one period, from the latest revision of its record(s). */
export type ReportState = 'missing' | 'draft' | 'submitted' | 'returned' | 'approved';

/** One period an item owes: `2026`, `2026H1`, `2026Q1` or `2026-03`, its first and last day and its due date. */
export type ReportingPeriod = { period: string; start: string; end: string; dueDate: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a calendar date (`2027-03-31`) and returns it. */
export function checkDate(date: string): string {
  const m = ISO_DATE.exec(date);
  const ok =
    m !== null &&
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().startsWith(date);
  if (!ok) {
    throw new InvalidInputError({
      zh: `日期“${date}”格式不正确，应为 2027-03-31。`,
      en: `Invalid date "${date}": use 2027-03-31.`,
    });
  }
  return date;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The due date of a period ending in `endMonth` (1–12) of `endYear`. */
export function dueDateOf(endYear: number, endMonth: number, rule: DueRule): string {
  const total = endYear * 12 + (endMonth - 1) + rule.dueMonthOffset;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return ymd(year, month, Math.min(rule.dueDay, daysInMonth(year, month)));
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The periods of one year at a frequency, in order, with their first month and last month. */
function periodsOfYear(
  year: number,
  frequency: Frequency,
): { period: string; first: number; last: number }[] {
  switch (frequency) {
    case 'annual':
      return [{ period: String(year), first: 1, last: 12 }];
    case 'half_yearly':
      return [1, 2].map((h) => ({ period: `${year}H${h}`, first: h * 6 - 5, last: h * 6 }));
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({ period: `${year}Q${q}`, first: q * 3 - 2, last: q * 3 }));
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({
        period: `${year}-${String(i + 1).padStart(2, '0')}`,
        first: i + 1,
        last: i + 1,
      }));
  }
}

/**
 * The periods an item owes as of `asOf` (a `YYYY-MM-DD` date; no clock is read): every period
 * from January of `startYear` (the plan's first year) that has ended before `asOf`, up to the end
 * of `endYear` (the plan's last year) when given, oldest first. A period is owed from the day after
 * it ends; its report is due on its due date (see {@link DueRule}). With `openedOn` (the day the
 * item's reporting cycle was opened) periods due before that day are not owed: nobody was asked
 * for them, so a cycle set today never starts out overdue. Pure.
 */
export function periodsOwed(args: {
  startYear: number;
  endYear?: number | null;
  asOf: string;
  cycle: CycleRule;
  openedOn?: string;
}): ReportingPeriod[] {
  const asOf = checkDate(args.asOf);
  const lastYear = Math.min(Number(asOf.slice(0, 4)), args.endYear ?? Number.POSITIVE_INFINITY);
  const out: ReportingPeriod[] = [];
  for (let year = args.startYear; year <= lastYear; year += 1) {
    for (const p of periodsOfYear(year, args.cycle.frequency)) {
      const end = ymd(year, p.last, daysInMonth(year, p.last));
      if (end >= asOf) continue;
      const dueDate = dueDateOf(year, p.last, args.cycle);
      if (args.openedOn !== undefined && dueDate < args.openedOn) continue;
      out.push({ period: p.period, start: ymd(year, p.first, 1), end, dueDate });
    }
  }
  return out;
}

/**
 * The period running on `asOf` (not yet ended, so not yet owed) and its due date: what an item
 * will owe next once every owed period is reported. Null after the plan's last year. Pure.
 */
export function upcomingPeriod(args: {
  asOf: string;
  endYear?: number | null;
  cycle: CycleRule;
}): ReportingPeriod | null {
  const asOf = checkDate(args.asOf);
  const year = Number(asOf.slice(0, 4));
  if (args.endYear !== undefined && args.endYear !== null && year > args.endYear) return null;
  for (const p of periodsOfYear(year, args.cycle.frequency)) {
    const end = ymd(year, p.last, daysInMonth(year, p.last));
    if (end < asOf) continue;
    return {
      period: p.period,
      start: ymd(year, p.first, 1),
      end,
      dueDate: dueDateOf(year, p.last, args.cycle),
    };
  }
  return null;
}

const STATE_RANK: Record<ReportState, number> = {
  missing: 0,
  draft: 1,
  returned: 2,
  submitted: 3,
  approved: 4,
};

/**
 * The state of a period's report from the latest revision of each of its records (one per scope
 * for observations): the most advanced of them, `missing` when there is none. Pure.
 */
export function reportStateOf(latestStatuses: readonly ReviewStatus[]): ReportState {
  let state: ReportState = 'missing';
  for (const s of latestStatuses) if (STATE_RANK[s] > STATE_RANK[state]) state = s;
  return state;
}

/** Whether a state counts as reported (the item does not appear in the "who has not reported" list). */
export function isReported(state: ReportState): boolean {
  return state === 'submitted' || state === 'approved';
}
