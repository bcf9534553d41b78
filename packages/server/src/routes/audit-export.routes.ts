import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { auditCsv, auditWorkbook } from '../services/audit/audit-export.service.js';
import { auditActors } from '../services/audit/audit.service.js';
import {
  AuditActorListSchema,
  AuditExportFileSchema,
  AuditExportQuerySchema,
  ProblemSchema,
  errorResponses,
} from '@plantrack/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads a file name with the day, e.g. 审计日志-2026-12-06.xlsx. */
function attachment(ext: 'xlsx' | 'csv'): string {
  const name = `审计日志-${new Date().toISOString().slice(0, 10)}.${ext}`;
  return `attachment; filename="audit-log.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Strips filters the query left empty, so that they do not filter. */
function given<Q extends object>(q: Q): Q {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Q;
}

/** The audit log under the screen's filters as .xlsx or CSV, and the people of its person filter (administrator, planning office). */
export const auditExportRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit rows the filters select as an .xlsx workbook, people by name (administrator, planning office)',
        querystring: AuditExportQuerySchema,
        produces: [XLSX],
        response: { 200: AuditExportFileSchema, ...errorResponses, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const bytes = await auditWorkbook(ctx, request.principal, given(request.query));
      return reply
        .type(XLSX)
        .header('content-disposition', attachment('xlsx'))
        .header('cache-control', 'no-store')
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit rows the filters select as CSV for Excel (UTF-8 with BOM, Chinese header row; administrator, planning office)',
        querystring: AuditExportQuerySchema,
        produces: ['text/csv'],
        response: { 200: AuditExportFileSchema, ...errorResponses, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const bytes = await auditCsv(ctx, request.principal, given(request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('csv'))
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
  app.get(
    '/api/audit/actors',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Everyone who appears in the audit log, by name and department (administrator, planning office)',
        response: { 200: AuditActorListSchema, ...errorResponses },
      },
    },
    async (request) => auditActors(ctx, request.principal),
  );
  done();
};
