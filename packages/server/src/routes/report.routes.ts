import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { closeReportPdfPrinter } from '@plantrack/formats';
import type { AppContext } from '../context.js';
import {
  approveReport,
  createReport,
  downloadReport,
  getReport,
  publishReport,
  reportsOfPlan,
  returnReport,
  sectionHistory,
  sectionsOfReport,
  submitReport,
  writeSection,
} from '../services/report/report.service.js';
import {
  errorResponses,
  IdParamsSchema,
  NewReportSchema,
  PlanIdParamsSchema,
  ProblemSchema,
  ReportFileSchema,
  ReportFormatQuerySchema,
  ReportListSchema,
  ReportReturnBodySchema,
  ReportSchema,
  ReportSectionBodySchema,
  ReportSectionHistorySchema,
  ReportSectionListSchema,
  ReportSectionParamsSchema,
  ReportSectionSchema,
} from '@plantrack/api';
import { sendReportFile } from './report-file.reply.js';

const tags = ['reports'];

/**
 * Evaluation reports of a plan: created from a frozen snapshot (planning office), sections written
 * by the office, submitted, approved or returned by a leader, published by the office. Read by the
 * office, administrators, leaders and reviewers; reporters see reports once published (public routes).
 */
export const reportRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  // PDFs are printed by one shared Chromium; it goes when the server does.
  app.addHook('onClose', closeReportPdfPrinter);
  app.post(
    '/api/plans/:planId/reports',
    {
      schema: {
        tags,
        summary:
          'Create a report; its snapshot (plan version and approved values as of the as-of date) is taken now and never changes (planning office, administrator); audited',
        params: PlanIdParamsSchema,
        body: NewReportSchema,
        response: { 201: ReportSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReport(ctx, request.principal, request.params.planId, request.body)),
  );

  app.get(
    '/api/plans/:planId/reports',
    {
      schema: {
        tags,
        summary: 'Reports of a plan in every state, newest first',
        params: PlanIdParamsSchema,
        response: { 200: ReportListSchema, ...errorResponses },
      },
    },
    async (request) => reportsOfPlan(ctx, request.principal, request.params.planId),
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'A report with its state and snapshot summary',
        params: IdParamsSchema,
        response: { 200: ReportSchema, ...errorResponses },
      },
    },
    async (request) => getReport(ctx, request.principal, request.params.id),
  );

  app.get(
    '/api/reports/:id/file',
    {
      schema: {
        tags,
        summary:
          'The report as .docx (GB/T 9704 layout), HTML or PDF, built from its snapshot and current sections; PDF is printed by Chromium and answers 503 when the server cannot print',
        params: IdParamsSchema,
        querystring: ReportFormatQuerySchema,
        produces: [
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'text/html',
          'application/pdf',
        ],
        response: { 200: ReportFileSchema, ...errorResponses, 503: ProblemSchema },
      },
    },
    async (request, reply) =>
      sendReportFile(
        reply,
        await downloadReport(ctx, request.principal, request.params.id, request.query.format),
      ),
  );

  app.get(
    '/api/reports/:id/sections',
    {
      schema: {
        tags,
        summary:
          'The sections the office writes (总体情况, 存在问题, 对策建议, 调整建议, 下一年度实施重点), current text',
        params: IdParamsSchema,
        response: { 200: ReportSectionListSchema, ...errorResponses },
      },
    },
    async (request) => sectionsOfReport(ctx, request.principal, request.params.id),
  );

  app.put(
    '/api/reports/:id/sections/:key',
    {
      schema: {
        tags,
        summary:
          'Write a section of a draft report: appends a revision (planning office, administrator); a stale baseRevision answers 409; audited',
        params: ReportSectionParamsSchema,
        body: ReportSectionBodySchema,
        response: { 200: ReportSectionSchema, ...errorResponses },
      },
    },
    async (request) =>
      writeSection(ctx, request.principal, request.params.id, request.params.key, request.body),
  );

  app.get(
    '/api/reports/:id/sections/:key/history',
    {
      schema: {
        tags,
        summary: 'Every revision of a section, oldest first',
        params: ReportSectionParamsSchema,
        response: { 200: ReportSectionHistorySchema, ...errorResponses },
      },
    },
    async (request) => sectionHistory(ctx, request.principal, request.params.id, request.params.key),
  );

  const transition = (
    path: string,
    summary: string,
    run: (id: string, principal: Parameters<typeof submitReport>[1]) => ReturnType<typeof submitReport>,
  ): void => {
    app.post(
      path,
      {
        schema: { tags, summary, params: IdParamsSchema, response: { 200: ReportSchema, ...errorResponses } },
      },
      async (request) => run(request.params.id, request.principal),
    );
  };
  transition(
    '/api/reports/:id/submit',
    'Submit a draft report for approval (planning office, administrator); audited',
    (id, p) => submitReport(ctx, p, id),
  );
  transition('/api/reports/:id/approve', 'Approve a report under review (leader); audited', (id, p) =>
    approveReport(ctx, p, id),
  );
  transition(
    '/api/reports/:id/publish',
    'Publish an approved report: the public page lists it (planning office, administrator); audited',
    (id, p) => publishReport(ctx, p, id),
  );

  app.post(
    '/api/reports/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a report under review or approved to draft, with a note (leader); audited',
        params: IdParamsSchema,
        body: ReportReturnBodySchema,
        response: { 200: ReportSchema, ...errorResponses },
      },
    },
    async (request) => returnReport(ctx, request.principal, request.params.id, request.body.note),
  );
  done();
};
