import { z } from 'zod';
import { MessagesSchema, ProblemSchema } from './common.contract.js';

/** `?asOf=YYYY-MM-DD` of the reporting reads. */
export const AsOfSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .describe('The date to evaluate periods and due dates at (YYYY-MM-DD); default today (UTC)');

/** `GET /api/my/periods` rows: one period an item owes, its due date and state. */
export const PeriodItemSchema = z
  .object({
    planId: z.string(),
    kind: z.enum(['indicator', 'task']),
    id: z.string(),
    key: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    frequency: z.enum(['annual', 'quarterly', 'monthly']),
    period: z.string(),
    dueDate: z.string(),
    state: z.enum(['missing', 'draft', 'submitted', 'returned', 'approved']),
    revisionNo: z.number().int(),
    overdue: z.boolean(),
    daysUntilDue: z.number().int(),
  })
  .meta({ id: 'PeriodItem', description: 'A period an indicator or task owes, its due date and state' });

/** A wrong cell of an uploaded template (Excel row and column). */
export const CellErrorSchema = z
  .object({ sheet: z.string(), row: z.number().int(), column: z.string(), messages: MessagesSchema })
  .meta({ id: 'CellError', description: 'A wrong cell of an uploaded workbook (Excel row and column)' });

/** 422 of a template upload: every wrong cell. */
export const WorkbookProblemSchema = ProblemSchema.extend({ errors: z.array(CellErrorSchema) }).meta({
  id: 'WorkbookProblem',
  description: 'Every wrong cell of the uploaded workbook; nothing was saved',
});

/** What became of one row of an uploaded template. */
export const UploadOutcomeSchema = z.enum(['saved', 'submitted', 'unchanged', 'replayed']);

/** A revision's state in the review flow. */
export const RevisionStatusSchema = z.enum(['draft', 'submitted', 'approved', 'returned']);

/** The shape of `PeriodItemSchema`. */
export type PeriodItem = z.infer<typeof PeriodItemSchema>;
/** The shape of `CellErrorSchema`. */
export type CellError = z.infer<typeof CellErrorSchema>;
/** The shape of `WorkbookProblemSchema`. */
export type WorkbookProblem = z.infer<typeof WorkbookProblemSchema>;
/** The shape of `UploadOutcomeSchema`. */
export type UploadOutcome = z.infer<typeof UploadOutcomeSchema>;

/** `POST /api/my/template.xlsx` success: every row of both sheets and what became of it. */
export const TemplateUploadResultSchema = z.object({
  sha256: z.string(),
  mode: z.enum(['draft', 'submit']),
  counts: z
    .object({
      saved: z.number().int(),
      submitted: z.number().int(),
      unchanged: z.number().int(),
      replayed: z.number().int(),
    })
    .describe('Rows of both sheets by outcome'),
  rows: z
    .array(
      z.object({
        row: z.number().int(),
        indicatorId: z.string(),
        period: z.string(),
        outcome: UploadOutcomeSchema,
        revisionNo: z.number().int(),
        status: RevisionStatusSchema,
      }),
    )
    .describe('The rows of sheet 指标 (observations)'),
  taskRows: z
    .array(
      z.object({
        row: z.number().int(),
        taskId: z.string(),
        period: z.string(),
        outcome: UploadOutcomeSchema,
        revisionNo: z.number().int(),
        status: RevisionStatusSchema,
      }),
    )
    .describe('The rows of sheet 任务进展 (progress reports)'),
});

/** What an uploaded template saved or submitted. */
export type TemplateUploadResult = z.infer<typeof TemplateUploadResultSchema>;
/** Where an owed period stands. */
export type PeriodState = PeriodItem['state'];
