import { type Assessment, STATUS_LABELS, expectedOnPath } from '@plantrack/core';
import { z } from 'zod';
import { MessagesSchema } from './messages.schema.js';

/** The status scale, as stored (Chinese literals); English labels are in `statusLabels`. */
export const StatusSchema = z.enum([
  '已实现',
  '快于预期',
  '符合预期',
  '基本符合',
  '滞后',
  '严重滞后',
  '数据不足',
]);

/** `[year, value]`: chart points, kept as pairs so a card stays small. */
export const PointSchema = z.tuple([z.number().int(), z.number()]);

export const ForecastSchema = z
  .object({
    year: z.number().int(),
    value: z.number(),
    model: z.string(),
    pointsUsed: z.number().int(),
    meetsTarget: z.boolean(),
  })
  .meta({ id: 'Forecast', description: 'Projection to the target year from the observed trend' });

const ObservationUsedSchema = z.object({
  period: z.number().int(),
  value: z.number(),
  scope: z.string().nullable(),
  estimated: z.boolean(),
  source: z.string().nullable(),
});

const SetAsideSchema = z.object({
  period: z.number().int(),
  value: z.number().nullable(),
  scope: z.string().nullable(),
  estimated: z.boolean(),
  reason: z
    .string()
    .describe('scope-mismatch, scope-unstated, superseded, after-as-of, before-baseline, no-value …'),
});

const ThresholdsSchema = z
  .object({
    id: z.string().min(1).max(100),
    setBy: z.string().max(100).nullable(),
    progress: z.object({ ahead: z.number(), onTrack: z.number(), broadly: z.number(), lagging: z.number() }),
    attainment: z.object({ broadly: z.number(), lagging: z.number() }),
    approxTolerance: z.object({ relative: z.number(), absolute: z.number().nullable() }),
    relative: z.object({ syncPp: z.number(), aheadPp: z.number(), lagPp: z.number() }),
    steadyTolerance: z.number(),
    maxDataLagYears: z.number(),
  })
  .meta({ id: 'AssessmentThresholds', description: 'Cut points and tolerances of the status scale' });
export { ThresholdsSchema };

/** The engine's full result for one indicator (docs/methodology.md), as the API returns it. */
export const AssessmentSchema = z
  .object({
    seq: z.string(),
    name: z.string(),
    kind: z.string(),
    targetText: z.string(),
    asOf: z.number().int(),
    dataYear: z.number().int().nullable(),
    status: StatusSchema,
    met: z.boolean(),
    method: z.string(),
    methodName: MessagesSchema,
    formula: MessagesSchema,
    direction: z.object({
      value: z.enum(['higher', 'lower']).nullable(),
      source: z.enum(['explicit', 'inferred', 'unknown']),
      reason: MessagesSchema,
    }),
    measure: z.enum(['level', 'annual-rate']),
    pathModel: z.enum(['linear', 'compound']).nullable(),
    baseline: z
      .object({
        year: z.number().int(),
        value: z.number(),
        estimated: z.boolean(),
        scope: z.string().nullable(),
        origin: z.enum(['recorded', 'revised', 'observation']),
        recordedValue: z.number().nullable(),
      })
      .nullable(),
    targetValue: z.number().nullable(),
    latest: ObservationUsedSchema.nullable(),
    expected: z.number().nullable(),
    progressRatio: z.number().nullable(),
    rangePosition: z.enum(['inside', 'below', 'above']).nullable(),
    yearly: z.array(
      z.object({
        period: z.number().int(),
        value: z.number(),
        required: z.number().nullable(),
        ok: z.boolean(),
      }),
    ),
    binding: z.array(z.object({ period: z.number().int(), verdict: z.enum(['达标', '未达标']) })).nullable(),
    warning: z.boolean(),
    forecast: ForecastSchema.nullable(),
    required: z
      .object({
        kind: z.enum(['annual-rate', 'annual-amount']),
        value: z.number(),
        unit: z.string().nullable(),
        yearsLeft: z.number().int(),
        text: MessagesSchema,
      })
      .nullable(),
    inputs: z.object({
      observations: z.array(ObservationUsedSchema),
      setAside: z.array(SetAsideSchema),
      reference: z
        .object({
          name: z.string(),
          points: z.array(
            z.object({ period: z.number().int(), value: z.number(), estimated: z.boolean().optional() }),
          ),
        })
        .nullable(),
    }),
    thresholds: ThresholdsSchema,
    flags: z.array(z.object({ code: z.string(), message: MessagesSchema })),
    explanation: MessagesSchema,
  })
  .meta({
    id: 'Assessment',
    description: 'Status, method, formula, inputs and explanation of one indicator',
  });

export type AssessmentDto = z.infer<typeof AssessmentSchema>;

/** What the engine returns, minus the reviewer judgement (not stored yet). */
export function presentAssessment(a: Assessment): AssessmentDto {
  const { observations, setAside, reference } = a.inputs;
  return { ...a, inputs: { observations, setAside, reference } };
}

/** Methods whose expected value is a point on a path from the baseline to the target level. */
const PATH_METHODS = new Set(['level-path', 'level-change', 'range-band']);

/** The expected path, baseline year to target year, for level targets; empty for the other kinds. */
export function expectedPath(a: Assessment, targetYear: number): [number, number][] {
  if (!PATH_METHODS.has(a.method) || a.baseline === null || a.targetValue === null) return [];
  const b = a.baseline;
  const T = a.targetValue;
  const out: [number, number][] = [];
  for (let y = b.year; y <= targetYear; y++) {
    out.push([y, round(expectedOnPath(a.pathModel ?? 'linear', b.value, T, b.year, targetYear, y))]);
  }
  return out;
}

/** Observed values the assessment used, baseline first: the card's sparkline. */
export function sparkline(a: Assessment): [number, number][] {
  const out: [number, number][] = [];
  if (a.baseline !== null) out.push([a.baseline.year, a.baseline.value]);
  for (const o of a.inputs.observations) out.push([o.period, o.value]);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Flags that best say why the data cannot decide, most telling first. */
const INSUFFICIENT_REASONS = [
  'reference-missing',
  'unparsed-target',
  'direction-unknown',
  'no-plan-period-data',
  'single-point',
  'no-baseline',
];

/**
 * One line for a card: the status with its method and the figure that decided it, or — for
 * 数据不足 — the reason. The full explanation is one request away (`/assessment`).
 */
export function shortExplanation(a: Assessment): { zh: string; en: string } {
  const label = STATUS_LABELS[a.status];
  if (a.status === '数据不足') {
    const flag = INSUFFICIENT_REASONS.map((code) => a.flags.find((f) => f.code === code)).find(
      (f) => f !== undefined,
    );
    return {
      zh: `数据不足：${flag?.message.zh ?? '现有数据不足以判断'}`,
      en: `Insufficient data: ${flag?.message.en ?? 'the data cannot decide yet'}`,
    };
  }
  const zh = [`${label.zh}（${a.methodName.zh}）`];
  const en = [`${label.en} (${a.methodName.en})`];
  if (a.progressRatio !== null) {
    zh.push(`进度比 ${a.progressRatio.toFixed(2)}`);
    en.push(`progress ratio ${a.progressRatio.toFixed(2)}`);
  }
  if (a.required !== null) {
    zh.push(a.required.text.zh);
    en.push(a.required.text.en);
  }
  if (a.warning) {
    zh.push('预警：按当前趋势难以实现目标');
    en.push('warning: the trend misses the target');
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
