import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import {
  AuditEntryListSchema,
  AuditQuerySchema,
  errorResponses,
  OwnedItemsListSchema,
  ProblemSchema,
  ReviewQueueSchema,
  SearchHitListSchema,
  SearchQuerySchema,
} from '@plantrack/api';
import { audit } from '../services/audit/audit.service.js';
import { searchPlans } from '../services/search.service.js';
import { myItems, queue } from '../services/dashboard/work.service.js';

export const workRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/my/items',
    {
      schema: {
        tags: ['work'],
        summary: "A department reporter's queue: the indicators and tasks their department owns",
        response: {
          200: OwnedItemsListSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => myItems(ctx, request.principal),
  );

  app.get(
    '/api/review/queue',
    {
      schema: {
        tags: ['work'],
        summary: 'Submissions waiting for review',
        response: {
          200: ReviewQueueSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => queue(ctx, request.principal),
  );

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Chinese full-text search; the public sees published items only',
        querystring: SearchQuerySchema,
        response: {
          200: SearchHitListSchema,
          400: ProblemSchema,
          401: ProblemSchema,
        },
      },
    },
    async (request) => searchPlans(ctx, request.principal, request.query),
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log, newest first (administrator, planning office)',
        querystring: AuditQuerySchema,
        response: {
          200: AuditEntryListSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
      return audit(ctx, request.principal, query);
    },
  );
  done();
};
