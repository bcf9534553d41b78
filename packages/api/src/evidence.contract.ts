import { RECORD_EVIDENCE_SUBJECTS } from '@plantrack/core';
import { z } from 'zod';

/** A data-quality flag as the API returns it (see docs/methodology.md §14). */
export const QualityFlagSchema = z
  .object({
    code: z.enum([
      'share-out-of-range',
      'rate-out-of-range',
      'negative-value',
      'magnitude',
      'jump',
      'unit-mismatch',
      'scope-mismatch',
      'history-outlier',
      'power-of-ten',
      'evidence-missing',
    ]),
    severity: z.enum(['warning', 'error']),
    message: z.object({ zh: z.string(), en: z.string() }),
    details: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    confirmed: z
      .boolean()
      .optional()
      .describe('The submitter saw this warning before submitting and confirmed the value'),
  })
  .meta({ id: 'QualityFlag' });

/** An evidence file's description (its bytes are downloaded from `GET /api/evidence/{id}`). */
export const EvidenceFileSchema = z
  .object({
    id: z.string(),
    subjectKind: z.enum(RECORD_EVIDENCE_SUBJECTS),
    subjectKey: z.string(),
    revisionNo: z.number().int().describe("The record's latest revision when uploaded (0 before the first)"),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
    state: z
      .enum(['active', 'withdrawn', 'redacted'])
      .describe(
        'active; withdrawn by the department from a draft or returned submission (kept for the department ' +
          'and reviewers); redacted by the planning office (bytes removed, download 410)',
      ),
    withdrawnAt: z.string().nullable(),
    withdrawnBy: z.string().nullable(),
    redactedAt: z.string().nullable(),
    redactedBy: z.string().nullable(),
    redactionReason: z.string().nullable(),
  })
  .meta({ id: 'EvidenceFile' });

/** An evidence file's description. */
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;
/** A data-quality flag on a submitted value. */
export type QualityFlag = z.infer<typeof QualityFlagSchema>;
/** Where an evidence file stands: active, withdrawn, or redacted. */
export type EvidenceState = EvidenceFile['state'];

/** Body of `POST /api/evidence/{id}/withdraw`. */
export const WithdrawEvidenceBodySchema = z.object({ reason: z.string().max(2000).optional() });

/** Body of `POST /api/evidence/{id}/redact`: a reason is required. */
export const RedactEvidenceBodySchema = z.object({ reason: z.string().min(1).max(2000) });

/** Body of an evidence withdrawal. */
export type WithdrawEvidenceBody = z.infer<typeof WithdrawEvidenceBodySchema>;
/** Body of an evidence redaction. */
export type RedactEvidenceBody = z.infer<typeof RedactEvidenceBodySchema>;

/** The evidence files of a record, oldest first. */
export const EvidenceFileListSchema = z.array(EvidenceFileSchema);

/** `GET /api/evidence/{id}`: the file's bytes (documented, not validated). */
export const EvidenceDownloadSchema = z.any().describe('The file');
