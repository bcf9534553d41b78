import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { readReviewSettings, writeReviewSettings } from '../services/records/review-settings.service.js';
import {
  errorResponses,
  PlanIdParamsSchema,
  ReviewSettingsSchema,
  ReviewSettingsUpdateSchema,
} from '@plantrack/api';

type ZodApp = Parameters<FastifyPluginCallbackZod>[0];

/** GET and PUT of a plan's review rules (planning office, administrator). */
export function registerReviewSettingsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/plans/:planId/review-settings',
    {
      schema: {
        tags: ['review'],
        summary:
          "The plan's review rules (four-eyes; may the office review what it entered for a department)",
        params: PlanIdParamsSchema,
        response: { 200: ReviewSettingsSchema, ...errorResponses },
      },
    },
    async (request) => readReviewSettings(ctx, request.principal, request.params.planId),
  );
  app.put(
    '/api/plans/:planId/review-settings',
    {
      schema: {
        tags: ['review'],
        summary:
          'Set the review rules (planning office, administrator): whether an office user may approve ' +
          'or return data they entered on a department’s behalf (default off); audited',
        params: PlanIdParamsSchema,
        body: ReviewSettingsUpdateSchema,
        response: { 200: ReviewSettingsSchema, ...errorResponses },
      },
    },
    async (request) => writeReviewSettings(ctx, request.principal, request.params.planId, request.body),
  );
}
