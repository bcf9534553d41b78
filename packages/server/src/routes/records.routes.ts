import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import {
  ObservationRevisionSchema,
  ObservationValuesSchema,
  PeriodSchema,
  ProgressReportRevisionSchema,
  ProgressReportValuesSchema,
} from '@plantrack/api';
import { observationService, progressReportService } from '../services/record.service.js';
import { registerReviewFlowRoutes } from './review-flow.routes.js';
import { registerReviewSettingsRoutes } from './review-settings.routes.js';

export const recordRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  registerReviewFlowRoutes(app, ctx, {
    path: '/api/observations',
    tag: 'observations',
    refFields: {
      indicatorId: z.string().min(1).max(100),
      period: PeriodSchema,
      scope: z.string().max(100).optional(),
    },
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
  registerReviewFlowRoutes(app, ctx, {
    path: '/api/progress-reports',
    tag: 'progress-reports',
    refFields: { taskId: z.string().min(1).max(100), period: PeriodSchema },
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
  registerReviewSettingsRoutes(app, ctx);
  done();
};
