import type { EvidenceSubjectKind } from '@plantrack/db';
import { type EvidenceFileDto, presentEvidenceFile } from '../presenters/evidence.presenter.js';
import { listEvidenceFiles } from '../repositories/evidence-quality.repository.js';
import type { ReviewFlowService } from './review-flow.service.js';

/**
 * Adds to a record's history the evidence files uploaded while each revision was the latest
 * (files uploaded before the first revision go with the first). The history's read policy is
 * already enforced by the wrapped service.
 */
export function withEvidenceHistory<R, V, Dto extends { revisionNo: number; key: string }>(
  service: ReviewFlowService<R, V, Dto>,
  kind: EvidenceSubjectKind,
): ReviewFlowService<R, V, Dto & { evidenceFiles?: EvidenceFileDto[] }> {
  return {
    ...service,
    async history(ctx, p, key) {
      const revisions = await service.history(ctx, p, key);
      const recordKey = revisions[0]?.key;
      if (recordKey === undefined) return revisions;
      const files = await listEvidenceFiles(ctx.db, kind, recordKey);
      return revisions.map((r) => ({
        ...r,
        evidenceFiles: files
          .filter((f) => Math.max(f.revisionNo, 1) === r.revisionNo)
          .map(presentEvidenceFile),
      }));
    },
  };
}
