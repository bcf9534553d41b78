import type { Assessment, AssessmentStatus } from '../assessment/assessment.types.js';
import { expectedPathOf } from '../assessment/level-path.js';
import type { ChartSpec } from './report.types.js';

/** Status counts as a bar chart (the order of the status scale, 数据不足 last). */
export function statusChart(counts: readonly { status: AssessmentStatus; count: number }[]): ChartSpec {
  return {
    kind: 'status-counts',
    id: 'chart-status',
    title: '主要指标进度评价分布',
    categories: counts.map((c) => c.status),
    values: counts.map((c) => c.count),
  };
}

/**
 * A lagging indicator against its expected path: the baseline and observations beside the path
 * (level targets), or beside what each year required (running sums, reference and set values).
 * Null when there is nothing to draw against.
 */
export function lagChart(a: Assessment, unit: string | null, targetYear: number): ChartSpec | null {
  const path = expectedPathOf(a, targetYear);
  const actualBy = new Map<number, number>();
  if (a.baseline !== null) actualBy.set(a.baseline.year, a.baseline.value);
  const expectedBy = new Map<number, number>(path);
  let expectedLabel = '预期路径';
  if (path.length === 0) {
    if (a.yearly.length === 0) return null;
    for (const y of a.yearly) {
      actualBy.set(y.period, y.value);
      if (y.required !== null) expectedBy.set(y.period, y.required);
    }
    expectedLabel = a.method === 'cumulative-sum' || a.method === 'cumulative-change' ? '时序进度' : '参照值';
  } else {
    for (const o of a.inputs.observations) actualBy.set(o.period, o.value);
  }
  const years = [...new Set([...actualBy.keys(), ...expectedBy.keys()])].sort((x, y) => x - y);
  return {
    kind: 'indicator-path',
    id: `chart-path-${a.seq}`,
    title: `${a.name}${unit === null ? '' : `（${unit}）`}`,
    unit,
    years,
    actual: years.map((y) => actualBy.get(y) ?? null),
    expected: years.map((y) => expectedBy.get(y) ?? null),
    expectedLabel,
  };
}
