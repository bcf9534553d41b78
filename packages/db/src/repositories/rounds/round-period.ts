import type { Frequency } from '../../schema/monitoring-tables.schema.js';

/**
 * The frequency a period string belongs to (`2026` annual, `2026H1` half-yearly, `2026Q1`
 * quarterly, `2026-03` monthly), null for anything else. Pure.
 */
export function frequencyOfPeriod(period: string): Frequency | null {
  if (/^\d{4}$/.test(period)) return 'annual';
  if (/^\d{4}H[12]$/.test(period)) return 'half_yearly';
  if (/^\d{4}Q[1-4]$/.test(period)) return 'quarterly';
  if (/^\d{4}-(?:0[1-9]|1[0-2])$/.test(period)) return 'monthly';
  return null;
}

/** The first and last day of a period (`YYYY-MM-DD`); the period must be valid. Pure. */
export function periodBounds(period: string): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  let first = 1;
  let last = 12;
  if (period.includes('H')) {
    const h = Number(period.slice(5));
    first = h * 6 - 5;
    last = h * 6;
  } else if (period.includes('Q')) {
    const q = Number(period.slice(5));
    first = q * 3 - 2;
    last = q * 3;
  } else if (period.length === 7) {
    first = Number(period.slice(5));
    last = first;
  }
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay(last))}` };
}
