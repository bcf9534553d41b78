import { z } from 'zod';
import {
  AssessmentSchema,
  PointSchema,
  StatusSchema,
  ThresholdsSchema,
} from '../presenters/assessment.presenter.js';
import { MessagesSchema } from './common.schema.js';

const StatusCountsSchema = z.object({
  已实现: z.number().int(),
  快于预期: z.number().int(),
  符合预期: z.number().int(),
  基本符合: z.number().int(),
  滞后: z.number().int(),
  严重滞后: z.number().int(),
  数据不足: z.number().int(),
});

export const AsOfQuerySchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('Assess as of this date (YYYY-MM-DD): its year is the assessment year; default today (UTC)'),
});

const CardSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    seq: z.string(),
    group: z.string().nullable(),
    chapter: z.string().nullable(),
    name: z.string(),
    unit: z.string().nullable(),
    attribute: z.string().nullable(),
    binding: z.boolean().describe('约束性'),
    targetText: z.string(),
    baseline: z.object({ year: z.number().int(), value: z.number() }).nullable(),
    latest: z.object({ period: z.number().int(), value: z.number(), estimated: z.boolean() }).nullable(),
    status: StatusSchema,
    warning: z.boolean().describe('预警: a binding indicator whose trend misses the target'),
    explanation: MessagesSchema,
    forecast: z.object({ year: z.number().int(), value: z.number(), meetsTarget: z.boolean() }).nullable(),
    sparkline: z.array(PointSchema).describe('Approved in-scope values used, baseline first'),
    expectedPath: z.array(PointSchema).describe('Expected path to the target year (level targets)'),
    departmentIds: z.array(z.string()),
  })
  .meta({ id: 'DashboardCard', description: 'One indicator on the dashboard' });

const RollupSchema = z.object({
  dimension: z.string(),
  key: z.string(),
  total: z.number().int(),
  counts: StatusCountsSchema,
  onScheduleShare: z.number().nullable(),
  binding: z.object({
    total: z.number().int(),
    warnings: z.number().int(),
    latestMet: z.number().int(),
    latestNotMet: z.number().int(),
  }),
  summary: MessagesSchema,
});

const TaskStatusSchema = z.enum(['not_started', 'in_progress', 'completed', 'delayed', 'not_reported']);

export const DashboardSchema = z
  .object({
    public: z.boolean(),
    asOf: z.string(),
    assessedYear: z.number().int(),
    plan: z.object({
      id: z.string(),
      title: z.string(),
      region: z.string().nullable(),
      periodStart: z.number().int().nullable(),
      periodEnd: z.number().int().nullable(),
      baselineYear: z.number().int().nullable(),
      versionNo: z.number().int(),
    }),
    thresholds: z.object({ id: z.string(), source: z.enum(['default', 'plan']) }),
    counts: StatusCountsSchema,
    warnings: z.number().int(),
    departments: z.array(z.object({ id: z.string(), name: z.string() })),
    cards: z.array(CardSchema),
    rollups: z.object({
      rule: MessagesSchema,
      group: z.array(RollupSchema),
      chapter: z.array(RollupSchema),
      department: z.array(RollupSchema),
      phase: z.array(RollupSchema.extend({ asOf: z.number().int() })),
    }),
    tasks: z.object({
      counts: z.object({
        not_started: z.number().int(),
        in_progress: z.number().int(),
        completed: z.number().int(),
        delayed: z.number().int(),
        not_reported: z.number().int().describe('未报告: no approved progress report yet'),
      }),
      items: z.array(
        z.object({
          id: z.string(),
          measure: z.string().describe('The measure, shortened to 40 characters'),
          status: TaskStatusSchema,
          period: z.string().nullable(),
          departmentIds: z.array(z.string()),
        }),
      ),
    }),
    missingReports: z
      .object({
        period: z.string().nullable(),
        withinDays: z.number().int(),
        departments: z.array(
          z.object({
            departmentId: z.string().nullable(),
            name: z.string().nullable(),
            items: z.array(
              z.object({
                kind: z.enum(['indicator', 'task']),
                id: z.string(),
                period: z.string(),
                dueDate: z.string(),
                overdue: z.boolean(),
              }),
            ),
          }),
        ),
      })
      .nullable()
      .describe('Who has not reported for the current period; null on the public dashboard'),
  })
  .meta({ id: 'Dashboard', description: 'Everything the leader dashboard shows, in one response' });

export const IndicatorAssessmentSchema = z
  .object({
    plan: z.object({ id: z.string(), title: z.string() }),
    indicator: z.object({
      id: z.string(),
      key: z.string(),
      seq: z.string(),
      group: z.string().nullable(),
      name: z.string(),
      unit: z.string().nullable(),
      attribute: z.string().nullable(),
      targetText: z.string(),
      scope: z.string().nullable(),
      published: z.boolean(),
    }),
    asOf: z.string(),
    assessedYear: z.number().int(),
    assessment: AssessmentSchema,
    expectedPath: z.array(PointSchema),
    targetLine: z.object({ year: z.number().int(), value: z.number() }).nullable(),
    reference: z
      .object({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        unit: z.string().nullable(),
        scope: z.string().nullable(),
        source: z.string().nullable(),
        kind: z.string(),
        values: z.array(
          z.object({
            period: z.string(),
            value: z.number().nullable(),
            valueText: z.string().nullable(),
            estimated: z.boolean(),
            source: z.string().nullable(),
            revisionNo: z.number().int(),
          }),
        ),
      })
      .nullable(),
    thresholdsSource: z.enum(['default', 'plan']),
  })
  .meta({ id: 'IndicatorAssessment', description: 'The full assessment of one indicator and its inputs' });

export const AssessmentSettingsSchema = z
  .object({
    planId: z.string(),
    thresholds: ThresholdsSchema,
    source: z.enum(['default', 'plan']),
    revisionNo: z.number().int(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'AssessmentSettings', description: "A plan's assessment thresholds" });

const finite = z.number();

export const ThresholdsPatchSchema = z.object({
  id: z.string().min(1).max(100).describe('Name of the threshold set, e.g. 武进区2027年度监测'),
  setBy: z.string().max(100).nullable().optional(),
  progress: z
    .object({ ahead: finite, onTrack: finite, broadly: finite, lagging: finite })
    .partial()
    .optional(),
  attainment: z.object({ broadly: finite, lagging: finite }).partial().optional(),
  approxTolerance: z.object({ relative: finite, absolute: finite.nullable() }).partial().optional(),
  relative: z.object({ syncPp: finite, aheadPp: finite, lagPp: finite }).partial().optional(),
  steadyTolerance: finite.optional(),
  maxDataLagYears: z.number().int().optional(),
});
