import {
  ObservationRefShape,
  ObservationRevisionSchema,
  ObservationValuesSchema,
  ProgressReportRefShape,
  ProgressReportRevisionSchema,
  ProgressReportValuesSchema,
} from '@plantrack/api';
import { PLAN_RECORD_KINDS, RECORD_KIND_DESCRIPTORS, type PlanRecordKindName } from '@plantrack/core';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { observationService, progressReportService } from '../services/records/record.service.js';
import { registerReviewFlowRoutes } from './review-flow.routes.js';
import { registerReviewSettingsRoutes } from './review-settings.routes.js';
import { registerReviewBatchRoutes } from './review-batch.routes.js';

type ZodApp = Parameters<FastifyPluginCallbackZod>[0];

/**
 * The review-flow routes (write, approve, return, correct, history under `/api/<urlSegment>`) of
 * each plan record kind. Keyed by core's kind names, so a new kind fails to compile until it has
 * routes. A project's monthly reports are written and reviewed under the project (projects.routes.ts).
 */
const reviewRoutesOf: { readonly [K in PlanRecordKindName]: (app: ZodApp, ctx: AppContext) => void } = {
  observation: (app, ctx) => {
    const { urlSegment, apiTag } = RECORD_KIND_DESCRIPTORS.observation;
    registerReviewFlowRoutes(app, ctx, {
      path: `/api/${urlSegment}`,
      tag: apiTag,
      refFields: ObservationRefShape,
      refOf: (b) => ({ indicatorId: b.indicatorId, period: b.period, scope: b.scope ?? null }),
      valuesSchema: ObservationValuesSchema,
      revisionSchema: ObservationRevisionSchema,
      service: observationService,
      summaries: {
        write: 'Save a draft of, or submit, an observation (监测值)',
        correct: 'Correct an approved value with a reason; goes back to review',
        history: 'Every revision of an observation, oldest first',
      },
    });
  },
  progress_report: (app, ctx) => {
    const { urlSegment, apiTag } = RECORD_KIND_DESCRIPTORS.progress_report;
    registerReviewFlowRoutes(app, ctx, {
      path: `/api/${urlSegment}`,
      tag: apiTag,
      refFields: ProgressReportRefShape,
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
};

/** The review-flow routes of every plan record kind, in core's order, then the review settings and batch approval. */
export const recordRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  for (const kind of PLAN_RECORD_KINDS) reviewRoutesOf[kind](app, ctx);
  registerReviewSettingsRoutes(app, ctx);
  registerReviewBatchRoutes(app, ctx);
  done();
};
