import {
  DepartmentSummaryFileSchema,
  DepartmentSummaryParamsSchema,
  DepartmentSummaryQuerySchema,
  DepartmentSummarySchema,
  errorResponses,
} from '@plantrack/api';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { departmentSummary } from '../services/department-summary/department-summary.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A department's one-page summary (.docx, HTML or JSON): its own reporters and the planning office. */
export const departmentSummaryRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    '/api/plans/:planId/departments/:departmentId/summary',
    {
      schema: {
        tags: ['work'],
        summary:
          "A department's one-page summary: its indicators and tasks, what is late and what is due; " +
          'for its own reporters and the planning office',
        params: DepartmentSummaryParamsSchema,
        querystring: DepartmentSummaryQuerySchema,
        produces: ['application/json', DOCX, 'text/html'],
        response: { 200: DepartmentSummarySchema.or(DepartmentSummaryFileSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await departmentSummary(ctx, request.principal, { ...request.params, ...request.query });
      if (result.format === 'json') return result.summary;
      return reply
        .type(result.format === 'docx' ? DOCX : 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(result.fileName)}`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(result.bytes));
    },
  );
  done();
};
