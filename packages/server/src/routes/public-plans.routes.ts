import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { publicPlans } from '../services/dashboard/public-plans.service.js';
import { ProblemSchema, PublicPlanListSchema } from '@plantrack/api';

/** The plans a visitor can choose from on the public view (no sign-in). */
export const publicPlanRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/public/plans',
    {
      schema: {
        tags: ['public'],
        summary: 'Plans with at least one published indicator (no sign-in)',
        response: { 200: PublicPlanListSchema, 400: ProblemSchema },
      },
    },
    async (request) => publicPlans(ctx, request.principal),
  );
  done();
};
