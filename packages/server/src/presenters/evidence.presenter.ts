import { z } from 'zod';
import type { EvidenceFileRow } from '@plantrack/db';

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
    ]),
    severity: z.enum(['warning', 'error']),
    message: z.object({ zh: z.string(), en: z.string() }),
    details: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  })
  .meta({ id: 'QualityFlag' });

/** An evidence file's description (its bytes are downloaded from `GET /api/evidence/{id}`). */
export const EvidenceFileSchema = z
  .object({
    id: z.string(),
    subjectKind: z.enum(['observation', 'progress-report']),
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

export type EvidenceFileDto = z.infer<typeof EvidenceFileSchema>;

/** Where a file stands: redaction wins over withdrawal. */
export function evidenceStateOf(f: EvidenceFileRow): EvidenceFileDto['state'] {
  if (f.redactedAt !== null) return 'redacted';
  return f.withdrawnAt === null ? 'active' : 'withdrawn';
}

/**
 * Never shows where the bytes are stored. Only callers allowed to see a file's row get here (see
 * services/evidence.visibility.ts), and only those see anything but active files.
 */
export function presentEvidenceFile(f: EvidenceFileRow): EvidenceFileDto {
  return {
    id: f.id,
    subjectKind: f.subjectKind,
    subjectKey: f.subjectKey,
    revisionNo: f.revisionNo,
    fileName: f.originalName,
    mediaType: f.mediaType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    uploadedBy: f.uploadedBy,
    uploadedAt: f.uploadedAt,
    state: evidenceStateOf(f),
    withdrawnAt: f.withdrawnAt,
    withdrawnBy: f.withdrawnBy,
    redactedAt: f.redactedAt,
    redactedBy: f.redactedBy,
    redactionReason: f.redactionReason,
  };
}
