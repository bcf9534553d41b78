import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { planReportingCycles, putReportingCycle } from '../services/records/reporting-cycle.service.js';
import { ReportingCycleSchema, DueRuleShape, errorResponses, FrequencySchema } from '@plantrack/api';

export const reportingCycleRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/reporting-cycles',
    {
      schema: {
        tags: ['admin'],
        summary: 'The reporting cycle of every indicator and task of the newest version, and the default',
        params: z.object({ planId: z.string().min(1).max(100) }),
        response: {
          200: z.object({
            default: z.object({ frequency: FrequencySchema, ...DueRuleShape }),
            items: z.array(ReportingCycleSchema),
          }),
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
        params: z.object({
          planId: z.string().min(1).max(100),
          subjectKind: z.enum(['indicator', 'task']),
          key: z.string().min(1).max(500).describe('indicatorKey or taskKey, URL-encoded'),
        }),
        body: z.object({ frequency: FrequencySchema, ...DueRuleShape }),
        response: { 200: ReportingCycleSchema, ...errorResponses },
      },
    },
    async (request) => putReportingCycle(ctx, request.principal, { ...request.params, rule: request.body }),
  );
  done();
};
