import { z } from 'zod';
import { MessagesSchema, ProblemSchema } from './common.contract.js';
import { FrequencySchema } from './reporting-cycles.contract.js';
import { QualityFlagSchema } from './evidence.contract.js';

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
    frequency: FrequencySchema,
    period: z.string(),
    dueDate: z.string(),
    state: z.enum(['missing', 'draft', 'submitted', 'returned', 'approved']),
    revisionNo: z.number().int(),
    overdue: z.boolean(),
    daysUntilDue: z.number().int(),
    round: z
      .object({
        id: z.string(),
        name: z.string(),
        status: z.enum(['open', 'closed']),
        semantics: z
          .enum(['annual_value', 'year_to_date'])
          .optional()
          .describe('What the figure means: the period itself, or the year to date (年初至今累计)'),
      })
      .nullable()
      .optional()
      .describe('The reporting round asking for this period; null or absent when the plan has no rounds'),
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
  message: MessagesSchema.optional().describe(
    'Said when nothing new was saved or submitted (an unchanged or empty template): not an error',
  ),
  warnings: z
    .array(
      z.object({
        row: z.number().int(),
        indicatorId: z.string(),
        period: z.string(),
        value: z.number().nullable(),
        flags: z.array(QualityFlagSchema),
      }),
    )
    .optional()
    .describe(
      'Present when a submission was held back: the rows whose values draw quality warnings. Nothing was ' +
        'saved; upload the same file again with `confirmWarnings` set to `sha256` to submit it anyway',
    ),
});

/** What an uploaded template saved or submitted. */
export type TemplateUploadResult = z.infer<typeof TemplateUploadResultSchema>;
/** Where an owed period stands. */
export type PeriodState = PeriodItem['state'];

/** Query of the reporter's reads (`GET /api/my/periods`, `GET /api/my/template.xlsx`). */
export const ReportingAsOfQuerySchema = z.object({ asOf: AsOfSchema });

/** Query of `GET /api/plans/{planId}/missing-reports`. */
export const MissingReportsQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}(?:H[12]|Q[1-4]|-(?:0[1-9]|1[0-2]))?$/)
    .optional()
    .describe('Only this period (2026, 2026H1, 2026Q1 or 2026-03)'),
  withinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(366)
    .optional()
    .describe('Also list items due within this many days (default: the server setting, 14)'),
  asOf: AsOfSchema,
});

/** Answer of `GET /api/plans/{planId}/missing-reports`: per department, what it has not reported. */
export const MissingReportsByDepartmentSchema = z.object({
  asOf: z.string(),
  withinDays: z.number().int(),
  departments: z.array(
    z.object({
      departmentId: z.string().nullable(),
      name: z.string().nullable(),
      items: z.array(PeriodItemSchema),
    }),
  ),
});

/** Query of `POST /api/my/template.xlsx`. */
export const TemplateUploadQuerySchema = z.object({
  submit: z.enum(['true', 'false']).optional().describe('Submit for review instead of saving drafts'),
  confirmWarnings: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe(
      'The SHA-256 of this file, as answered with its warnings: the reporter saw them and confirms the values (确认无误，仍然提交)',
    ),
  asOf: AsOfSchema,
});

/** Query of the reporter's reads. */
export type ReportingAsOfQuery = z.infer<typeof ReportingAsOfQuerySchema>;
/** Query of the missing-reports read. */
export type MissingReportsQuery = z.input<typeof MissingReportsQuerySchema>;
/** Who has not reported, per department. */
export type MissingReportsByDepartment = z.infer<typeof MissingReportsByDepartmentSchema>;
/** Query of a template upload. */
export type TemplateUploadQuery = z.infer<typeof TemplateUploadQuerySchema>;

/** Answer of `GET /api/my/periods`. */
export const PeriodItemListSchema = z.array(PeriodItemSchema);

/** `GET /api/my/template.xlsx`: the workbook's bytes (documented, not validated). */
export const TemplateWorkbookSchema = z.any().describe('The .xlsx workbook');
