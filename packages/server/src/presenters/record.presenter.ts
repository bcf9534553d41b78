import type {
  ObservationRevision as ObservationRevisionDto,
  ProgressReportRevision as ProgressReportRevisionDto,
  RevisionMeta as RevisionMetaDto,
} from '@plantrack/api';
import type { ObservationRevision, ProgressReportRevision, RevisionMeta } from '@plantrack/db';

/** The contract's types, under the names the services know them by. */
export type { ObservationRevisionDto, ProgressReportRevisionDto };

/** The bookkeeping every revision carries (not its idempotency key). */
function presentMeta(r: RevisionMeta & { key: string }): RevisionMetaDto {
  return {
    id: r.id,
    key: r.key,
    revisionNo: r.revisionNo,
    status: r.status,
    action: r.action,
    reason: r.reason,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    supersedesId: r.supersedesId,
    selfReviewed: r.selfReviewed,
  };
}

export function presentObservation(r: ObservationRevision): ObservationRevisionDto {
  return {
    ...presentMeta(r),
    indicatorId: r.indicatorId,
    period: r.period,
    scope: r.scope,
    values: { ...r.values, evidence: [...r.values.evidence] },
    ...(r.qualityFlags === undefined ? {} : { qualityFlags: r.qualityFlags }),
  };
}

export function presentProgressReport(r: ProgressReportRevision): ProgressReportRevisionDto {
  return {
    ...presentMeta(r),
    taskId: r.taskId,
    period: r.period,
    values: { ...r.values, evidence: [...r.values.evidence] },
  };
}
