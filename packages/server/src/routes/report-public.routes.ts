import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { downloadPublicReport, publicReportsOfPlan } from '../services/report/report-public.service.js';
import {
  IdParamsSchema,
  PlanIdParamsSchema,
  ProblemSchema,
  PublicReportListSchema,
  ReportFileSchema,
  ReportFormatQuerySchema,
} from '@plantrack/api';
import { sendReportFile } from './report-file.reply.js';

/** Published reports of a published plan, for everyone (no sign-in); nothing else of a report is public. */
export const publicReportRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/public/plans/:planId/reports',
    {
      schema: {
        tags: ['public'],
        summary: 'Published reports of a published plan, newest first (no sign-in)',
        params: PlanIdParamsSchema,
        response: { 200: PublicReportListSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => publicReportsOfPlan(ctx, request.principal, request.params.planId),
  );

  app.get(
    '/api/public/reports/:id/file',
    {
      schema: {
        tags: ['public'],
        summary: 'A published report as .docx, HTML or PDF (no sign-in); any other report is 404',
        params: IdParamsSchema,
        querystring: ReportFormatQuerySchema,
        produces: [
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'text/html',
          'application/pdf',
        ],
        response: { 200: ReportFileSchema, 400: ProblemSchema, 404: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request, reply) =>
      sendReportFile(
        reply,
        await downloadPublicReport(ctx, request.principal, request.params.id, request.query.format),
      ),
  );
  done();
};
