import type { ObservationRevision, ProgressReportRevision, RevisionMeta } from '@plantrack/db';
import { z } from 'zod';
import { EvidenceFileSchema, QualityFlagSchema } from './evidence.presenter.js';

const RevisionMetaSchema = z.object({
  id: z.string(),
  key: z.string(),
  revisionNo: z.number().int(),
  status: z.enum(['draft', 'submitted', 'approved', 'returned']),
  action: z.enum(['save_draft', 'submit', 'approve', 'return', 'correct']),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  supersedesId: z.string().nullable(),
  /**
   * An approval or return by the one who submitted the revision it decides (本人代填并审核): a
   * planning office user who entered the data for a department, where the plan allows it.
   */
  selfReviewed: z.boolean(),
});

export const ObservationValuesSchema = z.object({
  value: z.number().nullable(),
  valueText: z.string().max(200).nullable().optional(),
  unit: z.string().max(50).nullable().optional(),
  estimated: z.boolean().optional(),
  source: z.string().max(500).nullable().optional(),
  comment: z.string().max(4000).nullable().optional(),
  evidence: z.array(z.string().max(200)).max(50).optional(),
});

export const ProgressReportValuesSchema = z.object({
  progress: z.enum(['not_started', 'in_progress', 'completed', 'delayed']),
  narrative: z.string().min(1).max(20000),
  comment: z.string().max(4000).nullable().optional(),
  evidence: z.array(z.string().max(200)).max(50).optional(),
});

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

export const ProgressReportRevisionSchema = RevisionMetaSchema.extend({
  taskId: z.string(),
  period: z.string(),
  values: ProgressReportValuesSchema.required(),
  /** In history: the evidence files uploaded while this revision was the latest. */
  evidenceFiles: z.array(EvidenceFileSchema).optional(),
}).meta({ id: 'ProgressReportRevision' });

export type ObservationRevisionDto = z.infer<typeof ObservationRevisionSchema>;
export type ProgressReportRevisionDto = z.infer<typeof ProgressReportRevisionSchema>;

/** The bookkeeping every revision carries (not its idempotency key). */
function presentMeta(r: RevisionMeta & { key: string }): z.infer<typeof RevisionMetaSchema> {
  return {
    id: r.id,
    key: r.key,
    revisionNo: r.revisionNo,
    status: r.status,
    action: r.action,
    reason: r.reason,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    supersedesId: r.supersedesId,
    selfReviewed: r.selfReviewed,
  };
}

export function presentObservation(r: ObservationRevision): ObservationRevisionDto {
  return {
    ...presentMeta(r),
    indicatorId: r.indicatorId,
    period: r.period,
    scope: r.scope,
    values: { ...r.values, evidence: [...r.values.evidence] },
    ...(r.qualityFlags === undefined ? {} : { qualityFlags: r.qualityFlags }),
  };
}

export function presentProgressReport(r: ProgressReportRevision): ProgressReportRevisionDto {
  return {
    ...presentMeta(r),
    taskId: r.taskId,
    period: r.period,
    values: { ...r.values, evidence: [...r.values.evidence] },
  };
}
