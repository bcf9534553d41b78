import type { EvidenceFile as EvidenceFileDto } from '@plantrack/api';
import type { EvidenceFileRow } from '@plantrack/db';

/** The contract's evidence file, under the name the services know it by. */
export type { EvidenceFileDto };

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
