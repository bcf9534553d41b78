import { z } from 'zod';

/** The documents the office delivers: 年度监测报告, 中期评估报告, 总结评估报告, 人大 briefing. */
export const REPORT_KINDS = ['annual', 'midterm', 'final', 'briefing'] as const;

/** Life of a report: drafted, submitted for review, approved by a leader, published; returned goes back to draft. */
export const REPORT_STATUSES = ['draft', 'in_review', 'approved', 'published'] as const;

/** The sections the office writes itself (存在问题, 对策建议, 调整建议, 下一年度实施重点, 总体情况). */
export const REPORT_SECTION_KEYS = ['overview', 'problems', 'measures', 'adjustments', 'next-year'] as const;

/** The formats a report is rendered in. */
export const REPORT_FORMATS = ['docx', 'html', 'pdf'] as const;

/** The frozen data a report is built from, recorded once when the report is created. */
export const ReportSnapshotInfoSchema = z.object({
  planVersionId: z.string(),
  sha256: z.string().describe('SHA-256 of the serialised snapshot; never changes'),
  observations: z.number().int().describe('Approved values in force as of the as-of date'),
  progressReports: z.number().int(),
  referenceValues: z.number().int(),
  takenAt: z.string(),
});

/** A report (its frozen snapshot is summarised, never exposed raw). */
export const ReportSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    kind: z.enum(REPORT_KINDS),
    year: z.number().int(),
    asOf: z.string().describe('YYYY-MM-DD'),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    demo: z.boolean().describe('Built from demo data: every rendering carries a 演示数据 watermark'),
    snapshot: ReportSnapshotInfoSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    returnNote: z.string().nullable().describe('Why the report was last returned to draft'),
  })
  .meta({ id: 'Report', description: 'An evaluation report built from a frozen snapshot' });

/** The reports of a plan, newest first. */
export const ReportListSchema = z.array(ReportSchema);

/** A published report as the public sees it. */
export const PublicReportSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    kind: z.enum(REPORT_KINDS),
    year: z.number().int(),
    asOf: z.string(),
    title: z.string(),
    publishedAt: z.string(),
  })
  .meta({ id: 'PublicReport', description: 'A published report' });

/** The published reports of a published plan, newest first. */
export const PublicReportListSchema = z.array(PublicReportSchema);

/** Body of `POST /api/plans/{planId}/reports`: the report to create (its snapshot is taken now). */
export const NewReportSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  year: z.number().int().min(2000).max(2100),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('Default: today (UTC); no revision approved after this date enters the snapshot'),
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Default: the standard title for kind and year'),
});

/** `:id` and `:key` of a route about one office section of a report. */
export const ReportSectionParamsSchema = z.object({
  id: z.string().min(1).max(100),
  key: z.enum(REPORT_SECTION_KEYS),
});

/** One revision of an office section (append-only). */
export const ReportSectionRevisionSchema = z.object({
  revisionNo: z.number().int(),
  text: z.string(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  writtenAt: z.string(),
});

/** An office section: its current text (null when never written) and its revision number. */
export const ReportSectionSchema = z
  .object({
    key: z.enum(REPORT_SECTION_KEYS),
    title: z.string().describe('Heading in Chinese, e.g. 存在问题'),
    hint: z.string().describe('What the office is asked to write here (shown while the section is empty)'),
    text: z.string().nullable(),
    revisionNo: z.number().int().describe('0 when never written'),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    writtenAt: z.string().nullable(),
  })
  .meta({ id: 'ReportSection', description: 'A section of a report written by the office' });

/** The office sections a report of its kind has (a briefing has none), in document order. */
export const ReportSectionListSchema = z.array(ReportSectionSchema);

/** Every revision of one section, oldest first. */
export const ReportSectionHistorySchema = z.array(ReportSectionRevisionSchema);

/** Body of `PUT /api/reports/{id}/sections/{key}`. */
export const ReportSectionBodySchema = z.object({
  text: z.string().max(20_000),
  baseRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('The revision the text was edited from; a newer one answers 409'),
});

/** Body of `POST /api/reports/{id}/return`. */
export const ReportReturnBodySchema = z.object({ note: z.string().trim().min(1).max(2000) });

/** `?format` of a report download. */
export const ReportFormatQuerySchema = z.object({ format: z.enum(REPORT_FORMATS).default('docx') });

/** A report file (documented, not validated). */
export const ReportFileSchema = z
  .any()
  .describe(
    'The report file: application/vnd.openxmlformats-officedocument.wordprocessingml.document, ' +
      'text/html or application/pdf, with a UTF-8 Content-Disposition filename',
  );

/** A report kind. */
export type ReportKindName = (typeof REPORT_KINDS)[number];
/** A report status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** An office section key. */
export type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];
/** A report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** A report. */
export type Report = z.infer<typeof ReportSchema>;
/** A report's snapshot summary. */
export type ReportSnapshotInfo = z.infer<typeof ReportSnapshotInfoSchema>;
/** A published report. */
export type PublicReport = z.infer<typeof PublicReportSchema>;
/** Body of a report creation. */
export type NewReport = z.infer<typeof NewReportSchema>;
/** An office section. */
export type ReportSection = z.infer<typeof ReportSectionSchema>;
/** One revision of an office section. */
export type ReportSectionRevision = z.infer<typeof ReportSectionRevisionSchema>;
/** Body of a section write. */
export type ReportSectionBody = z.infer<typeof ReportSectionBodySchema>;
/** Body of a return. */
export type ReportReturnBody = z.infer<typeof ReportReturnBodySchema>;
