import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { plainJson, sendJsonText } from './json-text.reply.js';
import {
  addProject,
  editProject,
  evaluateProject,
  listPlanProjects,
  listPublicProjects,
  moveProject,
  raiseIssue,
  readProject,
  readProjectsDashboardJson,
  resolveIssue,
  reviewReport,
  writeReport,
} from '../services/projects/projects.service.js';
import {
  canImportProjects,
  exportProjectSheet,
  importProjectSheet,
} from '../services/projects/project-sheet.service.js';
import {
  errorResponses,
  PlanIdParamsSchema,
  ProjectCreateSchema,
  ProjectDetailSchema,
  ProjectEvaluationSchema,
  ProjectIdParamsSchema,
  ProjectImportQuerySchema,
  ProjectImportResultSchema,
  ProjectIssueCreateSchema,
  ProjectIssueParamsSchema,
  ProjectIssueResolveSchema,
  ProjectListQuerySchema,
  ProjectListSchema,
  ProjectReportReviewSchema,
  ProjectReportSchema,
  ProjectReportWriteSchema,
  ProjectsDashboardQuerySchema,
  ProjectsDashboardSchema,
  ProjectTransitionSchema,
  ProjectUpdateSchema,
  PublicProjectListSchema,
  TemplateWorkbookSchema,
} from '@plantrack/api';
import { z } from 'zod';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAGS = ['projects'];

/** The major-project register (重大项目库): list, page, edit, lifecycle, issues, reports, dashboard, sheet import/export. */
export const projectRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/projects',
    {
      schema: {
        tags: TAGS,
        summary:
          "The plan's projects (filters: stage, category, 责任单位, 镇街, lagging); reporters see their own",
        params: PlanIdParamsSchema,
        querystring: ProjectListQuerySchema,
        response: { 200: ProjectListSchema, ...errorResponses },
      },
    },
    async (request) => listPlanProjects(ctx, request.principal, request.params.planId, request.query),
  );
  app.post(
    '/api/plans/:planId/projects',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a project to the register (planning office)',
        params: PlanIdParamsSchema,
        body: ProjectCreateSchema,
        response: { 201: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addProject(ctx, request.principal, request.params.planId, request.body)),
  );
  app.get(
    '/api/plans/:planId/projects/dashboard',
    {
      ...plainJson,
      schema: {
        tags: TAGS,
        summary:
          'Projects dashboard: investment against plan by month, category, department and town; flagged projects with reasons; open issues by department',
        params: PlanIdParamsSchema,
        querystring: ProjectsDashboardQuerySchema,
        response: { 200: ProjectsDashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJsonText(
        reply,
        await readProjectsDashboardJson(ctx, request.principal, request.params.planId, request.query),
      ),
  );
  app.post(
    '/api/plans/:planId/projects/import',
    {
      config: { upload: { maxBytes: ctx.config.templateMaxBytes, allows: canImportProjects } },
      schema: {
        tags: TAGS,
        summary:
          "Import the office's annual project sheet (multipart `file`): preview (mapping, rows, per-cell zh/en errors, matches) or commit, all or nothing; re-import updates by 项目代码, name-only matches need `confirm`",
        consumes: ['multipart/form-data'],
        params: PlanIdParamsSchema,
        querystring: ProjectImportQuerySchema,
        response: { 200: ProjectImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new ApiError(415, 'not-multipart', {
          zh: '请以 multipart/form-data 上传文件（字段名 file）。',
          en: 'Upload the file as multipart/form-data (field `file`).',
        });
      }
      const file = await request.file({ limits: { fileSize: ctx.config.templateMaxBytes, files: 1 } });
      if (file === undefined)
        throw new ApiError(400, 'missing-file', { zh: '缺少上传文件。', en: 'No file was uploaded.' });
      const bytes = await file.toBuffer();
      return importProjectSheet(ctx, request.principal, request.params.planId, {
        bytes,
        mode: request.query.mode,
        year: request.query.year,
        confirm: request.query.confirm,
      });
    },
  );
  app.get(
    '/api/plans/:planId/projects/export.xlsx',
    {
      schema: {
        tags: TAGS,
        summary: 'The register as an .xlsx in the import layout',
        params: PlanIdParamsSchema,
        querystring: z.object({ year: z.coerce.number().int().min(1950).max(2100).optional() }),
        produces: [XLSX],
        response: { 200: TemplateWorkbookSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await exportProjectSheet(
        ctx,
        request.principal,
        request.params.planId,
        request.query.year,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(Buffer.from(bytes));
    },
  );
  app.get(
    '/api/public/plans/:planId/projects',
    {
      schema: {
        tags: TAGS,
        summary: 'Published projects, published fields only (public)',
        params: PlanIdParamsSchema,
        response: { 200: PublicProjectListSchema, ...errorResponses },
      },
    },
    async (request) => listPublicProjects(ctx, request.params.planId),
  );
  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One project with its reports, issues, lifecycle and post-evaluation',
        params: ProjectIdParamsSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => readProject(ctx, request.principal, request.params.id),
  );
  app.put(
    '/api/projects/:id',
    {
      schema: {
        tags: TAGS,
        summary: "Edit a project's register fields (planning office)",
        params: ProjectIdParamsSchema,
        body: ProjectUpdateSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => editProject(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/transitions',
    {
      schema: {
        tags: TAGS,
        summary: 'Move a project one lifecycle step (储备→前期→在建→竣工), recorded',
        params: ProjectIdParamsSchema,
        body: ProjectTransitionSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => moveProject(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/issues',
    {
      schema: {
        tags: TAGS,
        summary: 'Raise an issue (存在问题/需协调事项) with department and deadline',
        params: ProjectIdParamsSchema,
        body: ProjectIssueCreateSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => raiseIssue(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/issues/:issueId/resolve',
    {
      schema: {
        tags: TAGS,
        summary: 'Resolve an issue (planning office)',
        params: ProjectIssueParamsSchema,
        body: ProjectIssueResolveSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      resolveIssue(ctx, request.principal, request.params.id, request.params.issueId, request.body),
  );
  app.post(
    '/api/projects/:id/evaluation',
    {
      schema: {
        tags: TAGS,
        summary: 'File the post-evaluation of a completed project (moves it to 后评价)',
        params: ProjectIdParamsSchema,
        body: ProjectEvaluationSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => evaluateProject(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/reports',
    {
      schema: {
        tags: TAGS,
        summary:
          "Save, submit or correct a month's report (完成投资, 年初至今累计, 形象进度); quality-checked",
        params: ProjectIdParamsSchema,
        body: ProjectReportWriteSchema,
        response: { 200: ProjectReportSchema, ...errorResponses },
      },
    },
    async (request) => writeReport(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/reports/review',
    {
      schema: {
        tags: TAGS,
        summary: "Approve or return a month's report (reviewers, planning office)",
        params: ProjectIdParamsSchema,
        body: ProjectReportReviewSchema,
        response: { 200: ProjectReportSchema, ...errorResponses },
      },
    },
    async (request) => reviewReport(ctx, request.principal, request.params.id, request.body),
  );
  done();
};
