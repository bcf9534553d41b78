import { format } from '../i18n/i18n';
import type { PeriodLabelText } from './period-label.messages';

/**
 * A reporting period as the reader says it (`2026H1` → 2026年上半年 / 2026 H1 (first half),
 * `2026Q3` → 2026年第3季度): the stored code is unambiguous but not what an office writes.
 * Anything it cannot read is shown as stored.
 */
export function periodLabel(t: PeriodLabelText, period: string): string {
  const m = /^(\d{4})(?:H([12])|Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period);
  if (m === null) return period;
  const [, year = '', half, quarter, month] = m;
  if (half !== undefined) return format(half === '1' ? t.half1 : t.half2, { year });
  if (quarter !== undefined) return format(t.quarter, { year, n: quarter });
  if (month !== undefined) return format(t.month, { year, n: Number(month), mm: month });
  return format(t.year, { year });
}
