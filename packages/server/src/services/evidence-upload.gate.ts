import type { EvidenceSubjectKind } from '@plantrack/db';
import type { UploadGate } from '../auth/upload.gate.js';
import type { AppContext } from '../context.js';
import { canWriteRecord, permitsRecord } from '../policies/record.policy.js';
import { indicatorOwnerIds, taskOwnerIds } from './ownership.service.js';
import { parseObservationKey, parseProgressReportKey } from './record.service.js';

/**
 * The upload gate of an evidence route: the record's write policy (planning office, or a reporter
 * of a department owning the item), decided from the record key in the URL before the file is
 * read. The service checks it again with the whole record once the file is in.
 */
export function evidenceUploadGate(ctx: AppContext, kind: EvidenceSubjectKind): UploadGate {
  return {
    maxBytes: ctx.config.evidenceMaxBytes,
    allows: (principal, params) =>
      permitsRecord(principal, canWriteRecord, async () => {
        const key = params.key ?? '';
        const ownerDepartmentIds =
          kind === 'observation'
            ? await indicatorOwnerIds(ctx, parseObservationKey(key).indicatorId)
            : await taskOwnerIds(ctx, parseProgressReportKey(key).taskId);
        return { ownerDepartmentIds };
      }),
  };
}
