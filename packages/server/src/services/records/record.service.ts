import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import {
  type ObservationRef,
  type ProgressReportRef,
  observationRepository,
  progressReportRepository,
} from '@plantrack/db';
import { ApiError } from '../../errors.js';
import { presentObservation, presentProgressReport } from '../../presenters/record.presenter.js';
import { evidenceForReader, evidenceInHistory } from '../evidence/evidence-history.js';
import { namingCreators } from '../organisation/people-labels.js';
import { withReturnNotice } from '../reminders/notification.service.js';
import { withSubmitNotice } from '../reminders/submission-notice.service.js';
import { indicatorOwnerIds, taskOwnerIds } from '../organisation/ownership.service.js';
import { reviewFlowService } from './review-flow.service.js';
import { qualityCheckOnReview, withReplayedQualityFlags } from './quality.service.js';

export type { WriteAction } from './review-flow.service.js';

const { observation, progress_report: progressReport } = RECORD_KIND_DESCRIPTORS;

const badKey = (key: string): ApiError =>
  new ApiError(400, 'invalid-key', { zh: `记录键格式不正确：${key}`, en: `Malformed record key: ${key}` });

/** `indicatorId|period|scope` → its parts (the scope may itself contain `|`). */
export function parseObservationKey(key: string): ObservationRef {
  const [indicatorId, period, ...rest] = key.split('|');
  if (indicatorId === undefined || period === undefined || rest.length === 0 || indicatorId === '')
    throw badKey(key);
  return { indicatorId, period, scope: rest.join('|') };
}

/** `taskId|period` → its parts. */
export function parseProgressReportKey(key: string): ProgressReportRef {
  const [taskId, period, ...rest] = key.split('|');
  if (taskId === undefined || period === undefined || rest.length > 0 || taskId === '') throw badKey(key);
  return { taskId, period };
}

/** Observations (监测值): owned by the departments assigned to their indicator. */
export const observationService = withSubmitNotice(
  withReturnNotice(
    withReplayedQualityFlags(
      reviewFlowService({
        repository: observationRepository,
        parseKey: parseObservationKey,
        ownerDepartmentIds: (ctx, ref) => indicatorOwnerIds(ctx, ref.indicatorId),
        present: presentObservation,
        onReview: qualityCheckOnReview,
        decorateHistory: namingCreators(evidenceInHistory(observation.stored.evidenceSubject)),
        forReader: evidenceForReader(observation.stored.evidenceSubject),
      }),
    ),
    observation.name,
  ),
  observation.name,
);

/** Progress reports (进展报告): owned by the lead and co-lead departments of their task. */
export const progressReportService = withSubmitNotice(
  withReturnNotice(
    reviewFlowService({
      repository: progressReportRepository,
      parseKey: parseProgressReportKey,
      ownerDepartmentIds: (ctx, ref) => taskOwnerIds(ctx, ref.taskId),
      present: presentProgressReport,
      decorateHistory: namingCreators(evidenceInHistory(progressReport.stored.evidenceSubject)),
      forReader: evidenceForReader(progressReport.stored.evidenceSubject),
    }),
    progressReport.name,
  ),
  progressReport.name,
);
