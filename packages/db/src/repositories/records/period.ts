import { InvalidInputError } from '../../errors.js';

/** `2026`, `2026H1`, `2026Q1` or `2026-03`: a year, a half-year, a quarter or a month. */
const PERIOD = /^\d{4}(?:H[12]|Q[1-4]|-(?:0[1-9]|1[0-2]))?$/;

/** Checks a reporting period and returns it; anything else is refused before it reaches the store. */
export function checkPeriod(period: string): string {
  if (!PERIOD.test(period)) {
    throw new InvalidInputError({
      zh: `报告期“${period}”格式不正确，应为 2026、2026H1、2026Q1 或 2026-03。`,
      en: `Invalid period "${period}": use 2026, 2026H1, 2026Q1 or 2026-03.`,
    });
  }
  return period;
}

/** Serialises evidence file ids; parses them back, tolerating nothing but an array of strings. */
export function evidenceToJson(evidence: readonly string[]): string {
  return JSON.stringify([...evidence]);
}

/** Parses the `evidence_json` column. */
export function evidenceFromJson(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
}
