/**
 * The reporting periods whose report was due by a date: years from the base year 2025 (due
 * 31 March of the next year, the default annual rule) and quarters from 2026Q1 (due the 15th of
 * the month after the quarter, the demo's quarterly rule).
 */
export function periodsDueBy(through: string): { years: number[]; quarters: string[] } {
  const years: number[] = [];
  for (let y = 2025; `${y + 1}-03-31` <= through; y++) years.push(y);
  const quarters: string[] = [];
  for (let y = 2026; y <= 2030; y++) {
    for (let q = 1; q <= 4; q++) {
      const month = q * 3 + 1; // the month after the quarter's end
      const due = month > 12 ? `${y + 1}-01-15` : `${y}-${String(month).padStart(2, '0')}-15`;
      if (due <= through) quarters.push(`${y}Q${q}`);
    }
  }
  return { years, quarters };
}

/** `2028-06-30` as given on the command line: a real calendar date between 2026 and 2031. */
export function isDemoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(text) &&
    text >= '2026-01-01' &&
    text <= '2031-12-31'
  );
}

const DAY_MS = 86_400_000;

/** The due date of a period's report: annual by 31 March of the next year, quarters by the 15th of the next month. */
export function dueDateOf(period: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter === null) return `${Number(period) + 1}-03-31`;
  const year = Number(quarter[1]);
  const month = Number(quarter[2]) * 3 + 1;
  return month > 12 ? `${year + 1}-01-15` : `${year}-${String(month).padStart(2, '0')}-15`;
}

/** When one report of the simulated history happens: submitted before its due date, reviewed days later. */
export type ReportDates = { submit: Date; review: Date; resubmit: Date; approve: Date };

/**
 * Dates of a period's report, spread by `seq` (the subject's number) so departments do not all
 * report on the same day; the approval never falls after `through`.
 */
export function reportDates(period: string, seq: number, through: string): ReportDates {
  const due = Date.parse(`${dueDateOf(period)}T09:00:00Z`);
  const submit = due - (2 + (seq % 12)) * DAY_MS + (seq % 7) * 3_600_000;
  const last = Date.parse(`${through}T17:00:00Z`);
  const at = (ms: number): Date => new Date(Math.min(ms, last));
  return {
    submit: at(submit),
    review: at(submit + DAY_MS),
    resubmit: at(submit + 2 * DAY_MS),
    approve: at(submit + (3 + (seq % 4)) * DAY_MS),
  };
}

/** The simulated clock the demo moves forward as its history unfolds (see `withSimulatedClock`). */
export class DemoClock {
  private at: Date;
  constructor(start: string) {
    this.at = new Date(start);
  }
  set(date: Date): void {
    this.at = date;
  }
  readonly now = (): Date => this.at;
}
