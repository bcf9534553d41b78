import { z } from 'zod';
import { PeriodSchema } from './record.contract.js';
import { FrequencySchema } from './reporting-cycles.contract.js';

/** What a round's figure means for its period: the period's own value, or the year to date (1—9月累计). */
export const RoundSemanticsSchema = z
  .enum(['annual_value', 'year_to_date'])
  .describe('annual_value: the value of the period itself; year_to_date: cumulative from January');

/** A round is open (its period is owed) or closed (later figures are late corrections). */
export const RoundStatusSchema = z.enum(['open', 'closed']);

/**
 * Which items a round asks: all of the plan's newest version, a list of indicator and task keys,
 * or everything the named departments lead or co-lead (ids or names, aliases included).
 */
export const RoundSelectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }),
  z.object({
    mode: z.literal('list'),
    indicatorKeys: z.array(z.string().min(1).max(500)).max(2000),
    taskKeys: z.array(z.string().min(1).max(500)).max(2000),
  }),
  z.object({
    mode: z.literal('departments'),
    departments: z.array(z.string().min(1).max(200)).min(1).max(500).describe('Department ids or names'),
  }),
]);

/** Body of `POST /api/plans/{planId}/rounds`: open a round. */
export const OpenRoundBodySchema = z.object({
  name: z.string().trim().min(1).max(100).describe('e.g. 2026年度监测, 2027年一季度'),
  period: PeriodSchema,
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('YYYY-MM-DD'),
  reminderDays: z.number().int().min(0).max(366).describe('Remind the departments this many days before'),
  semantics: RoundSemanticsSchema,
  selection: RoundSelectionSchema,
});

/** A reporting round as the API shows it, people by name. */
export const RoundSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    name: z.string(),
    period: z.string(),
    frequency: FrequencySchema,
    dueDate: z.string(),
    reminderDays: z.number().int(),
    semantics: RoundSemanticsSchema,
    selectionMode: z.enum(['all', 'list', 'departments']),
    status: RoundStatusSchema,
    itemCount: z.number().int(),
    openedAt: z.string(),
    openedBy: z.string().describe('Name of who opened it'),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable().describe('Name of who closed it'),
  })
  .meta({
    id: 'ReportingRound',
    description: 'A reporting round (填报轮次): one period asked of chosen items',
  });

/** Answer of `GET /api/plans/{planId}/rounds`. */
export const RoundListSchema = z.object({ items: z.array(RoundSchema) });

/** Path of the routes about one round. */
export const RoundParamsSchema = z.object({
  planId: z.string().min(1).max(100),
  roundId: z.string().min(1).max(100),
});

/** Where one item of a round stands. */
export const RoundItemStateSchema = z.enum(['missing', 'draft', 'submitted', 'returned', 'approved']);

/** Counts of a department's items in a round; `missing` includes unsent drafts. */
export const RoundCountsSchema = z.object({
  approved: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  missing: z.number().int(),
});

/** Answer of `GET /api/plans/{planId}/rounds/{roundId}/progress`: per department, who has reported. */
export const RoundProgressSchema = z
  .object({
    round: RoundSchema,
    asOf: z.string(),
    totals: RoundCountsSchema,
    departments: z.array(
      z.object({
        departmentId: z.string().nullable().describe('null: items no department owns'),
        name: z.string().nullable(),
        counts: RoundCountsSchema,
        items: z.array(
          z.object({
            kind: z.enum(['indicator', 'task']),
            id: z.string(),
            key: z.string(),
            name: z.string(),
            state: RoundItemStateSchema,
            overdue: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({
    id: 'RoundProgress',
    description: 'Who has and has not reported in a round, department by department',
  });

/** The shape of `RoundSchema`. */
export type Round = z.infer<typeof RoundSchema>;
/** The shape of `OpenRoundBodySchema`. */
export type OpenRoundBody = z.infer<typeof OpenRoundBodySchema>;
/** The shape of `RoundSelectionSchema`. */
export type RoundSelectionInput = z.infer<typeof RoundSelectionSchema>;
/** The shape of `RoundProgressSchema`. */
export type RoundProgress = z.infer<typeof RoundProgressSchema>;
/** The shape of `RoundCountsSchema`. */
export type RoundCounts = z.infer<typeof RoundCountsSchema>;
/** The shape of `RoundSemanticsSchema`. */
export type RoundSemantics = z.infer<typeof RoundSemanticsSchema>;
/** The shape of `RoundListSchema`. */
export type RoundList = z.infer<typeof RoundListSchema>;
