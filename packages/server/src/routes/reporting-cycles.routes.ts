import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { planReportingCycles, putReportingCycle } from '../services/records/reporting-cycle.service.js';
import {
  CycleRuleSchema,
  errorResponses,
  PlanIdParamsSchema,
  PlanReportingCyclesSchema,
  ReportingCycleParamsSchema,
  ReportingCycleSchema,
} from '@plantrack/api';

export const reportingCycleRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/reporting-cycles',
    {
      schema: {
        tags: ['admin'],
        summary: 'The reporting cycle of every indicator and task of the newest version, and the default',
        params: PlanIdParamsSchema,
        response: {
          200: PlanReportingCyclesSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => planReportingCycles(ctx, request.principal, request.params.planId),
  );

  app.put(
    '/api/plans/:planId/reporting-cycles/:subjectKind/:key',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Set the reporting cycle and due rule of an indicator or task by its key (planning office, administrator)',
        params: ReportingCycleParamsSchema,
        body: CycleRuleSchema,
        response: { 200: ReportingCycleSchema, ...errorResponses },
      },
    },
    async (request) => putReportingCycle(ctx, request.principal, { ...request.params, rule: request.body }),
  );
  done();
};
