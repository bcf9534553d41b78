import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import {
  errorResponses,
  IdParamsSchema,
  ImportResultSchema,
  ImportTextBodySchema,
  IndicatorDetailSchema,
  IndicatorFilterSchema,
  IndicatorSchema,
  pageOf,
  PlanIdParamsSchema,
  PlanListSchema,
  ProblemSchema,
  PublicIndicatorSchema,
  PublishBodySchema,
  PublishResultSchema,
  TaskFilterSchema,
  TaskSchema,
} from '@plantrack/api';
import { canImportPlan } from '../policies/plan.policy.js';
import * as plans from '../services/plan/plan.service.js';

export const planRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'All plans',
        response: { 200: PlanListSchema, ...errorResponses },
      },
    },
    async (request) => plans.plans(ctx, request.principal),
  );

  app.get(
    '/api/plans/:planId/indicators',
    {
      schema: {
        tags: ['plans'],
        summary: 'Indicators of the newest version, filtered and paginated',
        params: PlanIdParamsSchema,
        querystring: IndicatorFilterSchema,
        response: { 200: pageOf(IndicatorSchema), ...errorResponses },
      },
    },
    async (request) => plans.indicators(ctx, request.principal, request.params.planId, request.query),
  );

  app.get(
    '/api/indicators/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'One indicator with its values in force and (for those allowed) the latest revisions',
        params: IdParamsSchema,
        response: {
          200: IndicatorDetailSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => plans.indicatorDetail(ctx, request.principal, request.params.id),
  );

  app.patch(
    '/api/indicators/:id/publish',
    {
      schema: {
        tags: ['plans'],
        summary: 'Publish or withdraw an indicator (planning office)',
        params: IdParamsSchema,
        body: PublishBodySchema,
        response: { 200: PublishResultSchema, ...errorResponses },
      },
    },
    async (request) => plans.publish(ctx, request.principal, request.params.id, request.body.published),
  );

  app.get(
    '/api/plans/:planId/tasks',
    {
      schema: {
        tags: ['plans'],
        summary: 'Tasks of the newest version with their lead and co-lead departments',
        params: PlanIdParamsSchema,
        querystring: TaskFilterSchema,
        response: { 200: pageOf(TaskSchema), ...errorResponses },
      },
    },
    async (request) => plans.tasks(ctx, request.principal, request.params.planId, request.query),
  );

  app.post(
    '/api/plans/import',
    {
      bodyLimit: ctx.config.importMaxBytes,
      config: { upload: { maxBytes: ctx.config.importMaxBytes, allows: canImportPlan } },
      schema: {
        tags: ['plans'],
        summary: 'Import an outline given as text (planning office, administrator)',
        body: ImportTextBodySchema,
        response: { 201: ImportResultSchema, ...errorResponses, 413: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await plans.importText(ctx, request.principal, request.body)),
  );

  app.post(
    '/api/plans/import/file',
    {
      config: { upload: { maxBytes: ctx.config.importMaxBytes, allows: canImportPlan } },
      schema: {
        tags: ['plans'],
        summary: 'Import an outline uploaded as multipart/form-data `file` (.txt, .docx, .pdf)',
        consumes: ['multipart/form-data'],
        response: { 201: ImportResultSchema, ...errorResponses, 413: ProblemSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new ApiError(415, 'not-multipart', {
          zh: '请以 multipart/form-data 上传文件（字段名 file）。',
          en: 'Upload the file as multipart/form-data (field `file`).',
        });
      }
      const file = await request.file({ limits: { fileSize: ctx.config.importMaxBytes, files: 1 } });
      if (file === undefined) {
        throw new ApiError(400, 'missing-file', { zh: '缺少上传文件。', en: 'No file was uploaded.' });
      }
      const bytes = await file.toBuffer();
      return reply
        .code(201)
        .send(
          await plans.importFile(ctx, request.principal, { bytes, fileName: file.filename || 'upload.txt' }),
        );
    },
  );
  done();
};

export const publicRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/public/plans/:planId/indicators',
    {
      schema: {
        tags: ['public'],
        summary: 'Published indicators and their approved values (no sign-in)',
        params: PlanIdParamsSchema,
        querystring: IndicatorFilterSchema,
        response: {
          200: pageOf(PublicIndicatorSchema),
          400: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => plans.publicIndicators(ctx, request.params.planId, request.query),
  );
  done();
};
