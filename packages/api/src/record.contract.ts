import { z } from 'zod';
import { EvidenceFileSchema, QualityFlagSchema } from './evidence.contract.js';

/** The bookkeeping every revision carries (not its idempotency key). */
export const RevisionMetaSchema = z.object({
  id: z.string(),
  key: z.string(),
  revisionNo: z.number().int(),
  status: z.enum(['draft', 'submitted', 'approved', 'returned']),
  action: z.enum(['save_draft', 'submit', 'approve', 'return', 'correct']),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** In histories: the person's display name and department (null when the id names no user). */
  createdByName: z.string().nullable().optional(),
  createdByDepartment: z.string().nullable().optional(),
  supersedesId: z.string().nullable(),
  /**
   * An approval or return by the one who submitted the revision it decides (本人代填并审核): a
   * planning office user who entered the data for a department, where the plan allows it.
   */
  selfReviewed: z.boolean(),
});

/** What a department reports for an indicator's period. */
export const ObservationValuesSchema = z.object({
  value: z.number().nullable(),
  valueText: z.string().max(200).nullable().optional(),
  unit: z.string().max(50).nullable().optional(),
  estimated: z.boolean().optional(),
  source: z.string().max(500).nullable().optional(),
  comment: z.string().max(4000).nullable().optional(),
  evidence: z.array(z.string().max(200)).max(50).optional(),
});

/** What a department reports for a task's period. */
export const ProgressReportValuesSchema = z.object({
  progress: z.enum(['not_started', 'in_progress', 'completed', 'delayed']),
  narrative: z.string().min(1).max(20000),
  comment: z.string().max(4000).nullable().optional(),
  evidence: z.array(z.string().max(200)).max(50).optional(),
});

/** One revision of an observation. */
export const ObservationRevisionSchema = RevisionMetaSchema.extend({
  indicatorId: z.string(),
  period: z.string(),
  scope: z.string(),
  values: ObservationValuesSchema.required(),
  /** Flags raised when this revision entered review (absent for revisions never checked). */
  qualityFlags: z.array(QualityFlagSchema).optional(),
  /** In history: the evidence files uploaded while this revision was the latest. */
  evidenceFiles: z.array(EvidenceFileSchema).optional(),
}).meta({ id: 'ObservationRevision' });

/** One revision of a progress report. */
export const ProgressReportRevisionSchema = RevisionMetaSchema.extend({
  taskId: z.string(),
  period: z.string(),
  values: ProgressReportValuesSchema.required(),
  /** In history: the evidence files uploaded while this revision was the latest. */
  evidenceFiles: z.array(EvidenceFileSchema).optional(),
}).meta({ id: 'ProgressReportRevision' });

/** The bookkeeping of a revision. */
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;
/** One revision of an observation as the API returns it. */
export type ObservationRevision = z.infer<typeof ObservationRevisionSchema>;
/** One revision of a progress report as the API returns it. */
export type ProgressReportRevision = z.infer<typeof ProgressReportRevisionSchema>;
/** A revision's values as stored (every field present). */
export type ObservationRevisionValues = ObservationRevision['values'];
/** A progress report revision's values as stored. */
export type ProgressReportRevisionValues = ProgressReportRevision['values'];
/** A revision's state in the review flow. */
export type RevisionStatus = RevisionMeta['status'];
/** What made a revision. */
export type RevisionAction = RevisionMeta['action'];
/** A task's progress as a department reports it. */
export type ProgressCode = ProgressReportRevisionValues['progress'];
/** A revision of either kind of record. */
export type RecordRevision = ObservationRevision | ProgressReportRevision;

/** A reporting period: a year, a half-year, a quarter or a month. */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}(?:H[12]|Q[1-4]|-(?:0[1-9]|1[0-2]))?$/)
  .describe('2026, 2026H1, 2026Q1 or 2026-03');
/** The revision a write started from (optimistic concurrency). */
export const ExpectedRevisionSchema = z
  .number()
  .int()
  .min(0)
  .describe('The revision the client last saw (0 for a new record); a stale number is 409');

/** Body of `…/{key}/approve`. */
export const ApproveRecordBodySchema = z.object({
  expectedRevision: ExpectedRevisionSchema,
  note: z.string().max(4000).optional(),
});
/** Why a revision is returned or corrected. */
export const ReasonSchema = z.string().trim().min(1).max(4000);
/** Body of `…/{key}/return`. */
export const ReturnRecordBodySchema = z.object({
  expectedRevision: ExpectedRevisionSchema,
  reason: ReasonSchema,
});

/** `action` of a record write: keep a draft or submit for review (the default). */
export const WriteActionSchema = z.enum(['save_draft', 'submit']).default('submit');

/** The body fields that name an observation in a write. */
export const ObservationRefShape = {
  indicatorId: z.string().min(1).max(100),
  period: PeriodSchema,
  scope: z.string().max(100).optional(),
};

/** The body fields that name a task progress report in a write. */
export const ProgressReportRefShape = { taskId: z.string().min(1).max(100), period: PeriodSchema };

/** Quality flag codes the writer was shown before sending and confirmed (确认无误，仍然提交). */
const ConfirmedWarningsSchema = z
  .array(z.string().max(40))
  .max(20)
  .optional()
  .describe(
    'Quality flag codes the submitter was shown before submitting and confirmed (确认无误，仍然提交)',
  );

/**
 * Body of a record write (`POST /api/observations` …): the fields that name the record, the
 * action, the revision it started from and the values; built per record kind.
 */
export function recordWriteBodySchema<Ref extends z.ZodRawShape, V extends z.ZodType>(
  refFields: Ref,
  values: V,
) {
  return z.object({
    ...refFields,
    action: WriteActionSchema,
    expectedRevision: ExpectedRevisionSchema,
    values: values.optional(),
    confirmedWarnings: ConfirmedWarningsSchema,
  });
}

/** Body of `…/{key}/correct`: new values for an approved revision and why. */
export function recordCorrectBodySchema<V extends z.ZodType>(values: V) {
  return z.object({
    expectedRevision: ExpectedRevisionSchema,
    values,
    reason: ReasonSchema,
    confirmedWarnings: ConfirmedWarningsSchema,
  });
}

/** Answer of `…/{key}/history`: every revision, oldest first. */
export function recordHistorySchema<R extends z.ZodType>(revision: R) {
  return z.array(revision);
}
