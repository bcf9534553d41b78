import type { EvidenceSubjectKind } from '@plantrack/db';
import { type EvidenceFileDto, presentEvidenceFile } from '../presenters/evidence.presenter.js';
import { listEvidenceFiles } from '../repositories/evidence-quality.repository.js';
import type { AppContext } from '../context.js';

/**
 * The evidence files of a record's history: each revision gets the files uploaded while it was the
 * latest (files uploaded before the first revision go with the first). Used as a record kind's
 * `decorateHistory`, after its read policy.
 */
export function evidenceInHistory<
  Dto extends { revisionNo: number; key: string; evidenceFiles?: EvidenceFileDto[] },
>(kind: EvidenceSubjectKind): (ctx: AppContext, revisions: Dto[]) => Promise<Dto[]> {
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
