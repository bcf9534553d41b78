/**
 * The period a value is compared with for a jump: the previous year for a year (`2026` → `2025`),
 * the same half-year, quarter or month a year earlier otherwise (`2026Q2` → `2025Q2`, `2026H1` →
 * `2025H1`), because half-yearly, quarterly and monthly figures are often cumulative to date and seasonal. Null for a period it cannot read.
 */
export function previousPeriod(period: string): string | null {
  const match = /^(\d{4})(H[12]|Q[1-4]|-(?:0[1-9]|1[0-2]))?$/.exec(period);
  if (match === null) return null;
  return `${Number(match[1]) - 1}${match[2] ?? ''}`;
}
