import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import {
  planIndicatorOwners,
  replaceIndicatorOwners,
} from '../services/organisation/indicator-owner.service.js';
import { replaceTaskOwners } from '../services/organisation/task-owner.service.js';
import {
  errorResponses,
  IdParamsSchema,
  IfMatchHeaderSchema,
  IndicatorOwnersListSchema,
  IndicatorOwnersSchema,
  IndicatorOwnersUpdateSchema,
  PlanIdParamsSchema,
  ProblemSchema,
  TaskOwnersUpdateSchema,
  TaskSchema,
} from '@plantrack/api';

export const indicatorOwnerRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/indicator-owners',
    {
      schema: {
        tags: ['admin'],
        summary: 'Owners (lead and co departments) of every indicator of the newest version',
        params: PlanIdParamsSchema,
        response: { 200: IndicatorOwnersListSchema, ...errorResponses },
      },
    },
    async (request) => planIndicatorOwners(ctx, request.principal, request.params.planId),
  );

  app.put(
    '/api/indicators/:id/owners',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Replace the owners of an indicator (planning office, administrator); departments by id, name or alias; stale version → 409',
        params: IdParamsSchema,
        headers: IfMatchHeaderSchema,
        body: IndicatorOwnersUpdateSchema,
        response: { 200: IndicatorOwnersSchema, ...errorResponses, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const result = await replaceIndicatorOwners(ctx, request.principal, request.params.id, {
        owners: request.body.owners,
        expectedVersion: request.body.expectedVersion,
        ifMatch: request.headers['if-match'],
      });
      return reply.header('etag', `"${result.version}"`).send(result);
    },
  );

  app.put(
    '/api/tasks/:id/owners',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Replace the lead and co-lead departments of a task (planning office, administrator); departments by id, name or alias; audited',
        params: IdParamsSchema,
        body: TaskOwnersUpdateSchema,
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    async (request) => replaceTaskOwners(ctx, request.principal, request.params.id, request.body),
  );
  done();
};
