import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { canUseMyTemplate } from '../policies/reporting.policy.js';
import { missingReports, myPeriods } from '../services/records/reporting.service.js';
import { myOverview } from '../services/records/my-overview.service.js';
import { downloadTemplate, uploadTemplate } from '../services/template/template.service.js';
import {
  errorResponses,
  MissingReportsByDepartmentSchema,
  MissingReportsQuerySchema,
  MyOverviewQuerySchema,
  MyOverviewSchema,
  PeriodItemListSchema,
  PlanIdParamsSchema,
  ProblemSchema,
  ReportingAsOfQuerySchema,
  TemplateUploadQuerySchema,
  TemplateUploadResultSchema,
  TemplateWorkbookSchema,
  WorkbookProblemSchema,
} from '@plantrack/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportingRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/my/periods',
    {
      schema: {
        tags: ['work'],
        summary: "What the reporter's department owes: every period of its items, due dates and states",
        querystring: ReportingAsOfQuerySchema,
        response: { 200: PeriodItemListSchema, ...errorResponses },
      },
    },
    async (request) => myPeriods(ctx, request.principal, request.query),
  );

  app.get(
    '/api/my/overview',
    {
      schema: {
        tags: ['work'],
        summary:
          "Every item the reporter's department owns (lead or co-lead), due or not: next due date, last value and target",
        querystring: MyOverviewQuerySchema,
        response: { 200: MyOverviewSchema, ...errorResponses },
      },
    },
    async (request) => myOverview(ctx, request.principal, request.query),
  );

  app.get(
    '/api/plans/:planId/missing-reports',
    {
      schema: {
        tags: ['work'],
        summary:
          'Who has not reported: per department, items with no submitted or approved value that are overdue or due soon',
        params: PlanIdParamsSchema,
        querystring: MissingReportsQuerySchema,
        response: {
          200: MissingReportsByDepartmentSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => missingReports(ctx, request.principal, request.params.planId, request.query),
  );

  app.get(
    '/api/my/template.xlsx',
    {
      schema: {
        tags: ['work'],
        summary:
          "The department's Excel template: sheets 指标 (one row per indicator × owed period) and 任务进展 " +
          '(one row per task × owed period, status from a list), pre-filled, and sheet 说明',
        querystring: ReportingAsOfQuerySchema,
        produces: [XLSX],
        response: {
          200: TemplateWorkbookSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await downloadTemplate(ctx, request.principal, request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(bytes);
    },
  );

  app.post(
    '/api/my/template.xlsx',
    {
      config: { upload: { maxBytes: ctx.config.templateMaxBytes, allows: canUseMyTemplate } },
      schema: {
        tags: ['work'],
        summary:
          'Upload a filled template (multipart `file`): every cell of both sheets is checked, nothing is saved on any ' +
          'error (422); otherwise observations and progress reports are saved as drafts, or submitted with ' +
          '`submit=true`, in one transaction. Re-uploading a file writes nothing. A submission whose values draw ' +
          'quality warnings saves nothing and answers with `warnings`, until the same file is sent again with ' +
          '`confirmWarnings` = its `sha256`.',
        consumes: ['multipart/form-data'],
        querystring: TemplateUploadQuerySchema,
        response: {
          200: TemplateUploadResultSchema,
          ...errorResponses,
          413: ProblemSchema,
          415: ProblemSchema,
          422: WorkbookProblemSchema,
        },
      },
    },
    async (request) =>
      uploadTemplate(ctx, request.principal, {
        readFile: async () => {
          if (!request.isMultipart()) {
            throw new ApiError(415, 'not-multipart', {
              zh: '请以 multipart/form-data 上传文件（字段名 file）。',
              en: 'Upload the file as multipart/form-data (field `file`).',
            });
          }
          const file = await request.file({ limits: { fileSize: ctx.config.templateMaxBytes, files: 1 } });
          if (file === undefined) {
            throw new ApiError(400, 'missing-file', { zh: '缺少上传文件。', en: 'No file was uploaded.' });
          }
          return file.toBuffer();
        },
        submit: request.query.submit === 'true',
        asOf: request.query.asOf,
        confirmWarnings: request.query.confirmWarnings,
      }),
  );
  done();
};
