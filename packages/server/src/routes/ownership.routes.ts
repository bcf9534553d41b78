import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { replaceOwnersInBulk } from '../services/organisation/owner-bulk.service.js';
import { planOwnerSuggestions } from '../services/organisation/owner-suggestion.service.js';
import {
  BulkOwnersResultSchema,
  BulkOwnersUpdateSchema,
  errorResponses,
  OwnerSuggestionListSchema,
  PlanIdParamsSchema,
} from '@plantrack/api';

/** The office's ownership console: suggested owners and changes of many rows at once. */
export const ownershipRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/owner-suggestions',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Proposed owners, with their reasons, for the indicators without owners (planning office, administrator); nothing is assigned',
        params: PlanIdParamsSchema,
        response: { 200: OwnerSuggestionListSchema, ...errorResponses },
      },
    },
    async (request) => planOwnerSuggestions(ctx, request.principal, request.params.planId),
  );

  app.put(
    '/api/plans/:planId/owners',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Replace the owners of several indicators and tasks in one transaction, each audited (planning office, administrator); stale version → 409',
        params: PlanIdParamsSchema,
        body: BulkOwnersUpdateSchema,
        response: { 200: BulkOwnersResultSchema, ...errorResponses },
      },
    },
    async (request) => replaceOwnersInBulk(ctx, request.principal, request.params.planId, request.body),
  );
  done();
};
