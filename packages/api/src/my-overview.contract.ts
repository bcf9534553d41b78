import { z } from 'zod';
import { FrequencySchema } from './reporting-cycles.contract.js';
import { ReportingAsOfQuerySchema } from './reporting.contract.js';

/** The next period an item owes or will owe, with its due date. */
export const NextDueSchema = z.object({
  period: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** `owed`: the period has ended and is not reported yet; `upcoming`: the period is still running. */
  kind: z.enum(['owed', 'upcoming']),
});

/** The item's newest record, whatever its period (also one reported outside any scheduled period). */
export const LastReportSchema = z.object({
  period: z.string(),
  status: z.enum(['draft', 'submitted', 'approved', 'returned']),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  progress: z.enum(['not_started', 'in_progress', 'completed', 'delayed']).nullable(),
});

/** `GET /api/my/overview` rows: one item the department owns, due or not. */
export const MyOverviewItemSchema = z
  .object({
    planId: z.string(),
    kind: z.enum(['indicator', 'task']),
    id: z.string(),
    key: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    /** Lead or co-lead: the department's role for this item. */
    role: z.enum(['lead', 'co_lead']),
    frequency: FrequencySchema,
    /** The plan's target text (indicators); null for tasks. */
    target: z.string().nullable(),
    /** Null when no period is due and none is coming within the plan's years. */
    nextDue: NextDueSchema.nullable(),
    last: LastReportSchema.nullable(),
  })
  .meta({
    id: 'MyOverviewItem',
    description: 'An item the department owns, with next due date and last value',
  });

/** `GET /api/my/overview` query. */
export const MyOverviewQuerySchema = ReportingAsOfQuerySchema;
/** Answer of `GET /api/my/overview`. */
export const MyOverviewSchema = z.array(MyOverviewItemSchema);

/** One owned item with next due date, last value and target. */
export type MyOverviewItem = z.infer<typeof MyOverviewItemSchema>;
