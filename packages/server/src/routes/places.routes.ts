import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { planPlaces } from '../services/places.service.js';
import { errorResponses } from '@plantrack/api';

const PlaceItemSchema = z.object({
  kind: z.enum(['indicator', 'task', 'commitment']),
  id: z.string(),
  text: z.string().describe('What the item says, shortened to 80 characters'),
  nodeId: z.string().nullable().describe('Outline node of the item (plan reader), null for indicators'),
});

const PlacesSchema = z
  .object({
    planId: z.string(),
    versionNo: z.number().int(),
    cities: z.array(
      z.object({
        name: z.string(),
        members: z.array(z.string()).describe('Places the plan says the city includes (包括…)'),
        nodeId: z.string().nullable(),
        line: z.number().int(),
      }),
    ),
    places: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['town', 'subdistrict', 'park', 'zone']),
        city: z.string().nullable().describe('The city it belongs to (its own name for a city)'),
        mentions: z.number().int(),
        line: z.number().int().describe('Line of the first mention'),
        items: z.array(PlaceItemSchema),
      }),
    ),
  })
  .meta({
    id: 'PlanPlaces',
    description: 'Places of a plan, its spatial layout, and the items located there',
  });

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
        params: z.object({ planId: z.string().min(1).max(100) }),
        response: { 200: PlacesSchema, ...errorResponses },
      },
    },
    async (request) => planPlaces(ctx, request.principal, request.params.planId),
  );
  done();
};
