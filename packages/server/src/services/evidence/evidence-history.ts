import { type EvidenceSubjectKind, listEvidenceFiles } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { RecordTarget } from '../../policies/record.policy.js';
import { type EvidenceFileDto, presentEvidenceFile } from '../../presenters/evidence.presenter.js';
import type { AppContext } from '../../context.js';
import { evidenceVisibleTo } from './evidence.visibility.js';

/** What the evidence of a history needs of each revision. */
type RevisionDto = {
  revisionNo: number;
  key: string;
  status: string;
  values: { evidence: readonly string[] };
  evidenceFiles?: EvidenceFileDto[];
};

/**
 * Every evidence file of a record's history, each with the revision it was uploaded under (files
 * uploaded before the first revision go with the first). Used as a record kind's
 * `decorateHistory`: the result is cached for every reader, so it holds all files, and
 * {@link evidenceForReader} then keeps what the reader may see.
 */
export function evidenceInHistory<Dto extends RevisionDto>(
  kind: EvidenceSubjectKind,
): (ctx: AppContext, revisions: Dto[]) => Promise<Dto[]> {
  return async (ctx, revisions) => {
    const recordKey = revisions[0]?.key;
    if (recordKey === undefined) return revisions;
    const files = await listEvidenceFiles(ctx.db, kind, recordKey);
    return revisions.map((r) => ({
      ...r,
      evidenceFiles: files.filter((f) => Math.max(f.revisionNo, 1) === r.revisionNo).map(presentEvidenceFile),
    }));
  };
}

/**
 * A (cached) history's evidence as one reader may see it, by the same rule as listing and
 * downloading (evidence.visibility.ts): leaders and administrators keep only the approved
 * revision's files. Histories are never shown to the public audience (their read policy refused
 * it before), so `published` does not matter here and stays at its safe value.
 */
export function evidenceForReader<Dto extends RevisionDto>(
  kind: EvidenceSubjectKind,
): (p: Principal, revisions: Dto[], target: () => Promise<RecordTarget>) => Promise<Dto[]> {
  return async (p, revisions, target) => {
    const all = revisions.flatMap((r) => r.evidenceFiles ?? []);
    const approved = revisions.filter((r) => r.status === 'approved').at(-1);
    const visible = await evidenceVisibleTo(
      p,
      { kind, target, published: false, approvedEvidenceIds: approved?.values.evidence ?? [] },
      all,
    );
    const ids = new Set((visible ?? []).map((f) => f.id));
    if (ids.size === all.length) return revisions;
    return revisions.map((r) =>
      r.evidenceFiles === undefined
        ? r
        : { ...r, evidenceFiles: r.evidenceFiles.filter((f) => ids.has(f.id)) },
    );
  };
}
