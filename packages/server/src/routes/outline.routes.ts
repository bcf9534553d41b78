import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { planOutline } from '../services/plan/outline.service.js';
import { errorResponses, OutlineSchema, PlanIdParamsSchema, VersionQuerySchema } from '@plantrack/api';

export const outlineRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/outline',
    {
      schema: {
        tags: ['plans'],
        summary: 'The outline tree, whole text and extracted items (with source spans) of a plan version',
        params: PlanIdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: OutlineSchema, ...errorResponses },
      },
    },
    async (request) => planOutline(ctx, request.principal, request.params.planId, request.query.versionId),
  );
  done();
};
