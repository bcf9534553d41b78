import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ingestText,
  type PlanModel,
  type ReferenceSeries,
  type ReportIndicatorData,
  type ReportInput,
  type ReportKind,
  type ReportTaskInput,
  type TaskStatus,
  type TracedObservation,
} from '@plantrack/core';

/**
 * SYNTHETIC report input for tests: the sample plan as ingestion reads it, with made-up
 * observations, reference series, lead departments and task progress. None of these numbers is
 * real; every trace says 合成数据 so nothing can mistake them for published figures.
 */
const SAMPLE = fileURLToPath(new URL('../../../../examples/wujin-15th-outline.txt', import.meta.url));

export const SYNTHETIC_SOURCE = '合成数据（测试用）';

/** Progress profiles cycled over the indicators so every status appears. */
const FACTORS = [1.4, 1.0, 0.9, 0.6, 0.1];

const round = (x: number): number => Math.round(x * 100) / 100;

function traced(seq: string, period: number, value: number): TracedObservation {
  return {
    period,
    value: round(value),
    scope: null,
    estimated: false,
    status: 'approved',
    trace: {
      revisionId: `syn-${seq}-${period}`,
      source: SYNTHETIC_SOURCE,
      scope: null,
      approval: '合成数据',
    },
  };
}

function series(name: string, pairs: readonly [number, number][]): ReferenceSeries {
  return { name, points: pairs.map(([period, value]) => ({ period, value })), source: SYNTHETIC_SOURCE };
}

/** Synthetic observations of one indicator for 2025 (the baseline year) to `year`. */
function synthesize(model: PlanModel, i: number, year: number): ReportIndicatorData {
  const ind = model.indicators[i] as PlanModel['indicators'][number];
  const f = FACTORS[i % FACTORS.length] as number;
  const years: number[] = [];
  for (let y = 2025; y <= year; y++) years.push(y);
  const t = ind.target;
  let observations: TracedObservation[] = [];
  let references: ReferenceSeries[] = [];
  if (t.kind === 'relative') {
    const ref = years.map((y) => [y, 5.5 + (y % 3) * 0.2] as [number, number]);
    references = [series(t.reference ?? '全市平均', ref)];
    observations = ref.map(([y, r]) => traced(ind.seq, y, r + (f - 0.8)));
  } else if (t.kind === 'external') {
    const set = years.map((y) => [y, 50 + (y - 2025) * 2] as [number, number]);
    references = [series('市定目标', set)];
    observations = set.map(([y, s]) =>
      traced(ind.seq, y, ind.direction === 'lower' ? s - (f - 0.8) * 3 : s + (f - 0.8) * 3),
    );
  } else if (t.kind === 'rate' && t.value !== null) {
    observations = years.map((y) => traced(ind.seq, y, (t.value as number) * f));
  } else if (t.kind === 'cumulative' && t.value !== null) {
    observations = years
      .filter((y) => y > 2025)
      .map((y) => traced(ind.seq, y, ((t.value as number) / 5) * f));
  } else if (t.value !== null) {
    const T = t.value;
    // Indicator 2 (一般公共预算收入) starts above its target: the case whose path must hold level.
    const B = ind.seq === '2' ? 225 : ind.direction === 'lower' ? T * 1.2 : T * 0.8;
    observations = years.map((y) => traced(ind.seq, y, B + (T - B) * ((y - 2025) / 5) * f));
  }
  const leads = model.assignments.flatMap((a) => a.leads.map((d) => d.canonical ?? d.text));
  return { seq: ind.seq, observations, references, lead: leads[i % Math.max(1, leads.length)] ?? null };
}

const TASK_STATES: readonly TaskStatus[] = ['已完成', '按计划推进', '按计划推进', '滞后', '未启动'];

/** Synthetic progress of the plan's first assignments as key tasks. */
function tasks(model: PlanModel): ReportTaskInput[] {
  return model.assignments.slice(0, 12).map((a, i) => ({
    id: a.id,
    title: a.measure,
    lead: a.leads.map((d) => d.canonical ?? d.text).join('、') || '—',
    coLeads: a.coLeads.map((d) => d.canonical ?? d.text),
    progress: `（合成）第${i + 1}项任务进展说明`,
    status: TASK_STATES[i % TASK_STATES.length] as TaskStatus,
  }));
}

let cached: PlanModel | null = null;

/** The ingested sample plan (read once per test file). */
export function samplePlanModel(): PlanModel {
  cached ??= ingestText(readFileSync(SAMPLE, 'utf8'));
  return cached;
}

/** A complete SYNTHETIC report input on the sample plan. */
export function syntheticReportInput(
  kind: ReportKind,
  year: number,
  asOf: string,
  demo = false,
): ReportInput {
  const model = samplePlanModel();
  return {
    kind,
    year,
    asOf,
    plan: model.plan,
    indicators: model.indicators,
    data: model.indicators.map((_, i) => synthesize(model, i, year)),
    tasks: tasks(model),
    planVersion: 'v1（合成）',
    demo,
  };
}
