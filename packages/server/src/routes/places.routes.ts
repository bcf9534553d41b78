import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { planPlaces } from '../services/plan/places.service.js';
import { errorResponses, PlacesSchema, PlanIdParamsSchema } from '@plantrack/api';

/** The spatial view's data: computed from the stored model of the newest version. */
export const placeRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/places',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Places named in the plan (towns, parks, zones), the cities of its spatial layout with their ' +
          'members, and the indicators, tasks and commitments whose text names each place',
        params: PlanIdParamsSchema,
        response: { 200: PlacesSchema, ...errorResponses },
      },
    },
    async (request) => planPlaces(ctx, request.principal, request.params.planId),
  );
  done();
};
