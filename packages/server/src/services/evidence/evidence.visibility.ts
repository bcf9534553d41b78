import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import type { EvidenceSubjectKind } from '@plantrack/db';
import { type Principal, hasRole } from '../../auth/principal.js';
import { type RecordTarget, canWriteRecord } from '../../policies/record.policy.js';

/**
 * Who is looking at a record's evidence:
 * - `full`: the owning department's reporters, reviewers and the planning office — every file of
 *   the record, returned, superseded, withdrawn and redacted ones included (redacted ones by name
 *   only);
 * - `approved`: leaders and administrators — the files of the approved revision in force only;
 * - `public`: everyone else (the public, reporters of other departments, nobody signed in) — the
 *   same, and only for observations of a published indicator.
 */
export type EvidenceAudience = 'full' | 'approved' | 'public';

/** The record whose evidence is looked at, as far as visibility depends on it. */
export type EvidenceRecord = {
  kind: EvidenceSubjectKind;
  /** The owning departments, looked up only when the caller's roles do not settle the audience. */
  target: () => Promise<RecordTarget>;
  /** The record is an observation of a published indicator (the only kind the public may see). */
  published: boolean;
  /** `values.evidence` of the newest approved revision (empty when none is approved). */
  approvedEvidenceIds: readonly string[];
};

/** What visibility needs of a file: its id and whether it left the record (rows and DTOs alike). */
type FileState = { id: string; withdrawnAt: string | null; redactedAt: string | null };

/** Which audience `p` belongs to for one record (see {@link EvidenceAudience}). */
export async function evidenceAudienceOf(
  p: Principal,
  target: () => Promise<RecordTarget>,
): Promise<EvidenceAudience> {
  if (hasRole(p, 'planning_office', 'reviewer')) return 'full';
  if (hasRole(p, 'department_reporter') && canWriteRecord(p, await target())) return 'full';
  return hasRole(p, 'leader', 'administrator') ? 'approved' : 'public';
}

/**
 * THE decision on evidence: which of a record's files `p` may list and download. Listing,
 * downloading and record histories all call it, so no path shows a file another refuses.
 * Outside the `full` audience only files that the approved revision in force references, that
 * belong to this record (`files` are its rows) and that were neither withdrawn nor redacted are
 * visible: a file of a returned or superseded submission never is. `null`: the caller may see no
 * evidence of this record at all (a 401/403, not an empty list).
 */
export async function evidenceVisibleTo<F extends FileState>(
  p: Principal,
  record: EvidenceRecord,
  files: readonly F[],
): Promise<F[] | null> {
  const audience = await evidenceAudienceOf(p, record.target);
  if (audience === 'full') return [...files];
  if (
    audience === 'public' &&
    !(record.kind === RECORD_KIND_DESCRIPTORS.observation.stored.evidenceSubject && record.published)
  )
    return null;
  const approved = new Set(record.approvedEvidenceIds);
  return files.filter((f) => approved.has(f.id) && f.withdrawnAt === null && f.redactedAt === null);
}
