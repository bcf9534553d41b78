import {
  type EvidenceSubjectKind,
  type ReviewStatus,
  observationRepository,
  planIdOfTask,
  progressReportRepository,
  indicatorIdentity,
} from '@plantrack/db';
import type { AppContext } from '../context.js';
import type { EvidenceRecord } from './evidence.visibility.js';
import { indicatorOwnerIds, taskOwnerIds } from './ownership.service.js';
import { parseObservationKey, parseProgressReportKey } from './record.service.js';

/** What a revision says about evidence: its number, status and the files it references. */
type RevisionEvidence = { revisionNo: number; status: ReviewStatus; values: { evidence: readonly string[] } };

/** The record an evidence file belongs to, with what the policies and the visibility rule need. */
export type EvidenceSubject = EvidenceRecord & {
  /** The canonical record key (as stored on its revisions). */
  key: string;
  planId: string | null;
  ownerDepartmentIds: string[];
  /** The latest revision, whatever its status; null before the first. */
  latest: RevisionEvidence | null;
  /** Files referenced by any approved revision, in force or superseded: never withdrawn. */
  everApprovedEvidenceIds: ReadonlySet<string>;
};

/** Looks up the record behind an evidence request (a 400 for a malformed key). */
export async function evidenceSubjectOf(
  ctx: AppContext,
  kind: EvidenceSubjectKind,
  rawKey: string,
): Promise<EvidenceSubject> {
  if (kind === 'observation') {
    const ref = parseObservationKey(rawKey);
    const identity = await indicatorIdentity(ctx.db, ref.indicatorId);
    const ownerDepartmentIds = await indicatorOwnerIds(ctx, ref.indicatorId);
    return subject(kind, {
      key: observationRepository.observationKeyOf(ref),
      planId: identity.planId,
      ownerDepartmentIds,
      published: identity.published,
      history: await observationRepository.history(ctx.db, ref),
    });
  }
  const ref = parseProgressReportKey(rawKey);
  const ownerDepartmentIds = await taskOwnerIds(ctx, ref.taskId);
  return subject(kind, {
    key: progressReportRepository.progressReportKeyOf(ref),
    planId: await planIdOfTask(ctx.db, ref.taskId),
    ownerDepartmentIds,
    // Progress reports are never public (only leaders and staff read them).
    published: false,
    history: await progressReportRepository.history(ctx.db, ref),
  });
}

function subject(
  kind: EvidenceSubjectKind,
  found: {
    key: string;
    planId: string | null;
    ownerDepartmentIds: string[];
    published: boolean;
    history: readonly RevisionEvidence[];
  },
): EvidenceSubject {
  const approved = found.history.filter((r) => r.status === 'approved');
  return {
    kind,
    key: found.key,
    planId: found.planId,
    ownerDepartmentIds: found.ownerDepartmentIds,
    target: () => Promise.resolve({ ownerDepartmentIds: found.ownerDepartmentIds }),
    published: found.published,
    approvedEvidenceIds: approved.at(-1)?.values.evidence ?? [],
    everApprovedEvidenceIds: new Set(approved.flatMap((r) => r.values.evidence)),
    latest: found.history.at(-1) ?? null,
  };
}
