import { z } from 'zod';

/** See the route that uses it. */
export const FrequencySchema = z.enum(['annual', 'quarterly', 'monthly']);

/** See the route that uses it. */
export const DueRuleShape = {
  dueMonthOffset: z.number().int().min(0).max(24).describe('Months after the end of the period'),
  dueDay: z.number().int().min(1).max(31).describe('Day of that month (31: its last day)'),
};

/** See the route that uses it. */
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
