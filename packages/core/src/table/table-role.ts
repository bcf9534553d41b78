import type { Column } from './columns.js';

/** What an indicator table is for: the plan's own targets, the previous plan's results, or other. */
export type TableRole = 'plan-targets' | 'previous-results' | 'other';

/** `十四五` → 2021, `十五五` → 2026: the first year of a numbered five-year plan period. */
function periodStartOf(word: string): number | null {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const match = /十([一二三四五六七八九])五/.exec(word);
  const n = match ? 10 + (digits[match[1] as string] ?? 0) : null;
  return n === null ? null : 2006 + (n - 11) * 5;
}

/**
 * Gives a table its role from its caption and columns. A caption naming an earlier plan period
 * (`“十四五”规划主要指标完成情况` in a 2026–2030 plan) or speaking of results (`完成情况`, `实现情况`),
 * or columns of results without a target, make it the previous plan's results. A target column
 * or a caption of the plan's own period makes it the plan's targets.
 */
export function classifyTable(
  caption: string | null,
  columns: readonly Column[],
  periodEnd: number | null,
): TableRole {
  const text = caption ?? '';
  const planStart = periodEnd !== null ? periodEnd - 4 : null;
  const named = periodStartOf(text);
  const earlier = named !== null && planStart !== null && named < planStart;
  const hasTarget = columns.some((c) => c.role === 'target');
  const reportsResults =
    /完成情况|实现情况|完成值|执行情况|回顾/.test(text) ||
    (!hasTarget && columns.some((c) => /完成|实际|实现/.test(c.title)));
  const targetYearBefore =
    planStart !== null && columns.some((c) => c.role === 'target' && c.year !== null && c.year < planStart);
  if (earlier || reportsResults || targetYearBefore) return 'previous-results';
  if (hasTarget || /目标|主要指标/.test(text)) return 'plan-targets';
  return 'other';
}
