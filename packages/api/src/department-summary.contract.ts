import { z } from 'zod';

/** `/api/plans/{planId}/departments/{departmentId}/summary` path parameters. */
export const DepartmentSummaryParamsSchema = z.object({ planId: z.string(), departmentId: z.string() });

/** `?format=docx|html|json&asOf=YYYY-MM-DD` of the department summary. */
export const DepartmentSummaryQuerySchema = z.object({
  format: z
    .enum(['docx', 'html', 'json'])
    .default('docx')
    .describe(
      'docx (Word, one A4 page on the 公文 layout), html (screen and print) or json (the summary as data)',
    ),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('The date late and due items are judged at (YYYY-MM-DD); default today (UTC)'),
});

const SummaryItemSchema = z.object({
  kind: z.enum(['indicator', 'task']),
  name: z.string(),
  period: z.string(),
  dueDate: z.string().describe('Due date of an owed report; empty for an item behind schedule'),
  why: z.string().describe('Why it is listed, in Chinese (逾期未报, 进度滞后, …前报送)'),
});

/** The summary as data (`format=json`): what the .docx and HTML show. */
export const DepartmentSummarySchema = z
  .object({
    title: z.string(),
    dateLine: z.string(),
    department: z.string(),
    asOf: z.string(),
    demo: z.boolean().describe('Drawn from a demo database: every figure is simulated (演示数据 watermark)'),
    late: z.array(SummaryItemSchema).describe('Reports past due and not submitted; items behind schedule'),
    due: z.array(SummaryItemSchema).describe('Reports not yet submitted that fall due soon'),
    sections: z.array(z.any()).describe('The document sections (ReportSection of @plantrack/core)'),
  })
  .meta({ id: 'DepartmentSummary' });

/** The .docx or HTML file (`format=docx|html`). */
export const DepartmentSummaryFileSchema = z
  .any()
  .describe('The Word document (format=docx) or the HTML page (format=html), as an attachment');
