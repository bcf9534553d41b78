import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { roundProgress } from '../services/rounds/round-progress.service.js';
import { closePlanRound, listPlanRounds, openPlanRound } from '../services/rounds/round.service.js';
import {
  AsOfSchema,
  errorResponses,
  OpenRoundBodySchema,
  PlanIdParamsSchema,
  RoundListSchema,
  RoundParamsSchema,
  RoundProgressSchema,
  RoundSchema,
} from '@plantrack/api';

/** Reporting rounds (填报轮次): list, open, progress per department, close. */
export const roundRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/rounds',
    {
      schema: {
        tags: ['admin'],
        summary: 'The reporting rounds of a plan, newest first (staff)',
        params: PlanIdParamsSchema,
        response: { 200: RoundListSchema, ...errorResponses },
      },
    },
    async (request) => listPlanRounds(ctx, request.principal, request.params.planId),
  );

  app.post(
    '/api/plans/:planId/rounds',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Open a reporting round over chosen indicators and tasks, with its period and due date (planning office, administrator)',
        params: PlanIdParamsSchema,
        body: OpenRoundBodySchema,
        response: { 201: RoundSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openPlanRound(ctx, request.principal, request.params.planId, request.body)),
  );

  app.get(
    '/api/plans/:planId/rounds/:roundId/progress',
    {
      schema: {
        tags: ['admin'],
        summary: 'Who has and has not reported in a round, per department (a reporter: own departments)',
        params: RoundParamsSchema,
        querystring: z.object({ asOf: AsOfSchema }),
        response: { 200: RoundProgressSchema, ...errorResponses },
      },
    },
    async (request) => roundProgress(ctx, request.principal, { ...request.params, asOf: request.query.asOf }),
  );

  app.post(
    '/api/plans/:planId/rounds/:roundId/close',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Close a reporting round; later figures for its period are late corrections (planning office, administrator)',
        params: RoundParamsSchema,
        response: { 200: RoundSchema, ...errorResponses },
      },
    },
    async (request) => closePlanRound(ctx, request.principal, request.params.planId, request.params.roundId),
  );
  done();
};
