import { z } from 'zod';
import { AssessmentSchema, PointSchema, StatusSchema, ThresholdsSchema } from './assessment.contract.js';
import { MessagesSchema } from './common.contract.js';

/** How many indicators stand at each status. */
export const StatusCountsSchema = z.object({
  已实现: z.number().int(),
  快于预期: z.number().int(),
  符合预期: z.number().int(),
  基本符合: z.number().int(),
  滞后: z.number().int(),
  严重滞后: z.number().int(),
  数据不足: z.number().int(),
});

/** `?asOf=YYYY-MM-DD` of the assessment reads. */
export const AsOfQuerySchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('Assess as of this date (YYYY-MM-DD): its year is the assessment year; default today (UTC)'),
});

/** One indicator on the dashboard. */
export const DashboardCardSchema = z
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
    latestFigure: z
      .object({ period: z.string(), value: z.number() })
      .nullable()
      .describe(
        'The newest approved quarterly or monthly figure while no annual value is assessed ' +
          '(shown with 状态待定 instead of no data)',
      ),
    status: StatusSchema,
    warning: z.boolean().describe('预警: a binding indicator whose trend misses the target'),
    explanation: MessagesSchema,
    forecast: z.object({ year: z.number().int(), value: z.number(), meetsTarget: z.boolean() }).nullable(),
    sparkline: z.array(PointSchema).describe('Approved in-scope values used, baseline first'),
    expectedPath: z.array(PointSchema).describe('Expected path to the target year (level targets)'),
    departmentIds: z.array(z.string()),
  })
  .meta({ id: 'DashboardCard', description: 'One indicator on the dashboard' });

/** One roll-up row: the indicators of a group, chapter, department or phase. */
export const RollupSchema = z.object({
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

/** A task's progress on the dashboard (未报告 when nothing is approved yet). */
export const TaskStatusSchema = z.enum([
  'not_started',
  'in_progress',
  'completed',
  'delayed',
  'not_reported',
  'awaiting',
]);

/** The leader dashboard in one response. */
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
    cards: z.array(DashboardCardSchema),
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
        not_reported: z
          .number()
          .int()
          .describe(
            "未报告: the current period is owed and nothing is submitted (the 本期未报告 panel's items)",
          ),
        awaiting: z
          .number()
          .int()
          .describe(
            '暂无已审核进展: nothing approved yet, but nothing owed is missing (not due, or in review)',
          ),
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

/** One indicator's full assessment page. */
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

/** A plan's thresholds and where they come from. */
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

/** What the planning office changes in the thresholds: only what differs from the defaults. */
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

/** Body of `PUT /api/plans/{planId}/assessment-settings`. */
export const AssessmentSettingsUpdateSchema = z.object({
  expectedRevision: z.number().int().min(0).describe('The revision the edit started from (0: none)'),
  thresholds: ThresholdsPatchSchema,
});

/** The leader dashboard. */
export type Dashboard = z.infer<typeof DashboardSchema>;
/** One indicator's card on the dashboard. */
export type DashboardCard = z.infer<typeof DashboardCardSchema>;
/** A roll-up row. */
export type Rollup = z.infer<typeof RollupSchema>;
/** Indicators per status. */
export type StatusCounts = z.infer<typeof StatusCountsSchema>;
/** A task's progress on the dashboard. */
export type TaskProgressStatus = z.infer<typeof TaskStatusSchema>;
/** One indicator's full assessment page. */
export type IndicatorAssessment = z.infer<typeof IndicatorAssessmentSchema>;
/** A plan's thresholds. */
export type AssessmentSettings = z.infer<typeof AssessmentSettingsSchema>;
/** Changes to a plan's thresholds. */
export type ThresholdsPatch = z.infer<typeof ThresholdsPatchSchema>;
/** Who has not reported for the current period (staff dashboard only). */
export type MissingReports = NonNullable<Dashboard['missingReports']>;
