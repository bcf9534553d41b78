import { z } from 'zod';
import { MessagesSchema } from './common.contract.js';

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

/** An observation the assessment used. */
export const ObservationUsedSchema = z.object({
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
    plainSentence: MessagesSchema.describe(
      'How the indicator stands in one plain sentence, as a report writes it (no formula)',
    ),
  })
  .meta({
    id: 'Assessment',
    description: 'Status, method, formula, inputs and explanation of one indicator',
  });

/** An indicator's full assessment. */
export type Assessment = z.infer<typeof AssessmentSchema>;
/** One of the seven status words. */
export type Status = z.infer<typeof StatusSchema>;
/** The cut points and tolerances of a plan's status scale. */
export type Thresholds = z.infer<typeof ThresholdsSchema>;
/** A `[year, value]` chart point. */
export type Point = z.infer<typeof PointSchema>;
/** An observation the assessment used. */
export type ObservationUsed = z.infer<typeof ObservationUsedSchema>;
