/**
 * Calendar days in China time (Asia/Shanghai: UTC+8 all year, no daylight saving since 1991).
 * A plan's office works by Beijing days, so "as of 2027-03-02" means up to midnight in Beijing,
 * not in Greenwich: a figure approved at 23:30 Beijing time on 03-02 (15:30 UTC) belongs to 03-02.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The last instant (ISO 8601 UTC, millisecond precision) of a Beijing calendar day, for comparing
 * with stored UTC timestamps as text. `day` is `YYYY-MM-DD`; an invalid day throws.
 */
export function chinaDayEndUtc(day: string): string {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(start) ||
    new Date(start).toISOString().slice(0, 10) !== day
  ) {
    throw new RangeError(`Invalid date: ${day} (YYYY-MM-DD)`);
  }
  return new Date(start + DAY_MS - CHINA_OFFSET_MS - 1).toISOString();
}
