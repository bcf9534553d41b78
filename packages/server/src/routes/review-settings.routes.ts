import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { readReviewSettings, writeReviewSettings } from '../services/records/review-settings.service.js';
import { errorResponses, ReviewSettingsSchema } from '@plantrack/api';

type ZodApp = Parameters<FastifyPluginCallbackZod>[0];

const PlanParams = z.object({ planId: z.string().min(1).max(100) });

/** GET and PUT of a plan's review rules (planning office, administrator). */
export function registerReviewSettingsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/plans/:planId/review-settings',
    {
      schema: {
        tags: ['review'],
        summary:
          "The plan's review rules (four-eyes; may the office review what it entered for a department)",
        params: PlanParams,
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
        params: PlanParams,
        body: z.object({
          expectedRevision: z.number().int().min(0).describe('The revision the edit started from (0: none)'),
          officeSelfReview: z.boolean(),
        }),
        response: { 200: ReviewSettingsSchema, ...errorResponses },
      },
    },
    async (request) => writeReviewSettings(ctx, request.principal, request.params.planId, request.body),
  );
}
