import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { planIdOfTask, progressReportRepository } from '@plantrack/db';
import { z } from 'zod';
import { ProgressReportRevisionSchema, ProgressReportValuesSchema } from '../presenters/record.presenter.js';
import { Period, registerReviewFlowRoutes } from '../routes/review-flow.routes.js';
import { taskOwnerIds } from '../services/ownership.service.js';
import { parseProgressReportKey, progressReportService } from '../services/record.service.js';
import type { ServerRecordKind } from './record-kind.js';

const descriptor = RECORD_KIND_DESCRIPTORS.progress_report;

/** Progress reports (进展报告) of a task × period. */
export const progressReportKind: ServerRecordKind = {
  descriptor,
  evidenceSubject: descriptor.stored.evidenceSubject,
  what: 'a progress report (进展报告)',
  registerReviewRoutes: (app, ctx) => {
    registerReviewFlowRoutes(app, ctx, {
      path: `/api/${descriptor.urlSegment}`,
      tag: descriptor.urlSegment,
      refFields: { taskId: z.string().min(1).max(100), period: Period },
      refOf: (b) => ({ taskId: b.taskId, period: b.period }),
      valuesSchema: ProgressReportValuesSchema,
      revisionSchema: ProgressReportRevisionSchema,
      service: progressReportService,
      summaries: {
        write: 'Save a draft of, or submit, a task progress report (进展报告)',
        correct: 'Correct an approved report with a reason; goes back to review',
        history: 'Every revision of a progress report, oldest first',
      },
    });
  },
  ownerDepartmentIdsOfKey: async (ctx, rawKey) => taskOwnerIds(ctx, parseProgressReportKey(rawKey).taskId),
  evidenceRecord: async (ctx, rawKey) => {
    const ref = parseProgressReportKey(rawKey);
    return {
      key: progressReportRepository.progressReportKeyOf(ref),
      planId: await planIdOfTask(ctx.db, ref.taskId),
      ownerDepartmentIds: await taskOwnerIds(ctx, ref.taskId),
      // Progress reports are never public (only leaders and staff read them).
      published: false,
      history: await progressReportRepository.history(ctx.db, ref),
    };
  },
};
