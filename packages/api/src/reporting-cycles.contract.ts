import { z } from 'zod';

/** How often an item is reported: yearly, half-yearly (`2026H1`), quarterly or monthly. */
export const FrequencySchema = z.enum(['annual', 'half_yearly', 'quarterly', 'monthly']);

/** When a period's report is due, after the period ends. */
export const DueRuleShape = {
  dueMonthOffset: z.number().int().min(0).max(24).describe('Months after the end of the period'),
  dueDay: z.number().int().min(1).max(31).describe('Day of that month (31: its last day)'),
};

/** An item's reporting cycle and due rule. */
export const ReportingCycleSchema = z
  .object({
    subjectKind: z.enum(['indicator', 'task']),
    id: z.string(),
    key: z.string(),
    name: z.string(),
    explicit: z.boolean().describe('false: the server default applies'),
    frequency: FrequencySchema,
    ...DueRuleShape,
  })
  .meta({ id: 'ReportingCycle', description: 'How often an item is reported (填报周期) and when it is due' });

/** The shape of `ReportingCycleSchema`. */
export type ReportingCycle = z.infer<typeof ReportingCycleSchema>;
/** The shape of `FrequencySchema`. */
export type Frequency = z.infer<typeof FrequencySchema>;

/** A reporting cycle and its due rule as set for one indicator or task, or as the default. */
export const CycleRuleSchema = z.object({ frequency: FrequencySchema, ...DueRuleShape });

/** Answer of `GET /api/plans/{planId}/reporting-cycles`: the default and every item's cycle. */
export const PlanReportingCyclesSchema = z.object({
  default: CycleRuleSchema,
  items: z.array(ReportingCycleSchema),
});

/** Path of `PUT /api/plans/{planId}/reporting-cycles/{subjectKind}/{key}`. */
export const ReportingCycleParamsSchema = z.object({
  planId: z.string().min(1).max(100),
  subjectKind: z.enum(['indicator', 'task']),
  key: z.string().min(1).max(500).describe('indicatorKey or taskKey, URL-encoded'),
});

/** A cycle rule. */
export type CycleRule = z.infer<typeof CycleRuleSchema>;
/** The reporting cycles of a plan. */
export type PlanReportingCycles = z.infer<typeof PlanReportingCyclesSchema>;
/** Path parameters of a reporting cycle. */
export type ReportingCycleParams = z.infer<typeof ReportingCycleParamsSchema>;
