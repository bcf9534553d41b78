import type { EvidenceSubjectKind } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import type { EvidenceRecordFacts, RevisionEvidence } from '../records/kinds/record-kind.js';
import { serverRecordKind } from '../records/kinds/registry.js';
import type { EvidenceRecord } from './evidence.visibility.js';

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
  return subject(kind, await serverRecordKind(kind).evidenceRecord(ctx, rawKey));
}

function subject(kind: EvidenceSubjectKind, found: EvidenceRecordFacts): EvidenceSubject {
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
