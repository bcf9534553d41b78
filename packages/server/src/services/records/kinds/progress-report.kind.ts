import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { planIdOfTask, progressReportRepository } from '@plantrack/db';
import { taskOwnerIds } from '../../organisation/ownership.service.js';
import { parseProgressReportKey } from '../record.service.js';
import { taskTemplateSheet } from '../../template/template-task.facet.js';
import type { ServerRecordKind } from './record-kind.js';

const descriptor = RECORD_KIND_DESCRIPTORS.progress_report;

/** Progress reports (进展报告) of a task × period. */
export const progressReportKind: ServerRecordKind = {
  descriptor,
  evidenceSubject: descriptor.stored.evidenceSubject,
  what: 'a progress report (进展报告)',
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
  templateSheet: taskTemplateSheet,
};
