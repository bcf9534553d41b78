import { z } from 'zod';
import type { EvidenceFileRow } from '../repositories/evidence-quality.repository.js';

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
  })
  .meta({ id: 'EvidenceFile' });

export type EvidenceFileDto = z.infer<typeof EvidenceFileSchema>;

/** Never shows where the bytes are stored. */
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
  };
}
