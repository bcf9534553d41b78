import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { planOutline } from '../services/plan/outline.service.js';
import { errorResponses, OutlineSchema } from '@plantrack/api';

export const outlineRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/outline',
    {
      schema: {
        tags: ['plans'],
        summary: 'The outline tree, whole text and extracted items (with source spans) of a plan version',
        params: z.object({ planId: z.string().min(1).max(100) }),
        querystring: z.object({
          versionId: z.string().max(100).optional().describe('Default: the newest version'),
        }),
        response: { 200: OutlineSchema, ...errorResponses },
      },
    },
    async (request) => planOutline(ctx, request.principal, request.params.planId, request.query.versionId),
  );
  done();
};
