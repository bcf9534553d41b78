import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { plainJson, sendJsonText } from './json-text.reply.js';
import {
  readAssessmentSettings,
  writeAssessmentSettings,
} from '../services/assessment/assessment-settings.service.js';
import { dashboardJson, publicDashboardJson } from '../services/dashboard/dashboard.service.js';
import {
  indicatorAssessmentJson,
  publicIndicatorAssessmentJson,
} from '../services/assessment/indicator-assessment.service.js';
import {
  AsOfQuerySchema,
  AssessmentSettingsSchema,
  AssessmentSettingsUpdateSchema,
  DashboardSchema,
  errorResponses,
  IdParamsSchema,
  IndicatorAssessmentSchema,
  PlanIdParamsSchema,
  ProblemSchema,
} from '@plantrack/api';

const publicErrors = { 400: ProblemSchema, 404: ProblemSchema } as const;

/** The leader dashboard, one indicator's full assessment, and the plan's thresholds. */
export const dashboardRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/dashboard',
    {
      ...plainJson,
      schema: {
        tags: ['assessment'],
        summary:
          'Everything the leader dashboard shows in one response: status counts, one card per indicator, ' +
          'roll-ups by group/chapter/department/phase, tasks by progress, who has not reported',
        params: PlanIdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: DashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJsonText(reply, await dashboardJson(ctx, request.principal, request.params.planId, request.query)),
  );

  app.get(
    '/api/indicators/:id/assessment',
    {
      ...plainJson,
      schema: {
        tags: ['assessment'],
        summary:
          'The full assessment of one indicator: status, explanation with inputs and formula, forecast, ' +
          'required annual change, expected path, observations used and set aside, reference values, thresholds',
        params: IdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: IndicatorAssessmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJsonText(
        reply,
        await indicatorAssessmentJson(ctx, request.principal, request.params.id, request.query),
      ),
  );

  app.get(
    '/api/plans/:planId/assessment-settings',
    {
      schema: {
        tags: ['assessment'],
        summary: "The plan's assessment thresholds (the defaults until the planning office sets them)",
        params: PlanIdParamsSchema,
        response: { 200: AssessmentSettingsSchema, ...errorResponses },
      },
    },
    async (request) => readAssessmentSettings(ctx, request.principal, request.params.planId),
  );

  app.put(
    '/api/plans/:planId/assessment-settings',
    {
      schema: {
        tags: ['assessment'],
        summary:
          'Set the thresholds (planning office, administrator): only what differs from the defaults; ' +
          'the merged set must be valid (400 otherwise); audited',
        params: PlanIdParamsSchema,
        body: AssessmentSettingsUpdateSchema,
        response: { 200: AssessmentSettingsSchema, ...errorResponses },
      },
    },
    async (request) => writeAssessmentSettings(ctx, request.principal, request.params.planId, request.body),
  );
  done();
};

/** The same read models for everyone: published indicators and approved data only, no sign-in. */
export const publicDashboardRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/public/plans/:planId/dashboard',
    {
      ...plainJson,
      schema: {
        tags: ['public'],
        summary: 'The public dashboard: published indicators and tasks, approved data (no sign-in)',
        params: PlanIdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: DashboardSchema, ...publicErrors },
      },
    },
    async (request, reply) =>
      sendJsonText(reply, await publicDashboardJson(ctx, request.params.planId, request.query)),
  );

  app.get(
    '/api/public/indicators/:id/assessment',
    {
      ...plainJson,
      schema: {
        tags: ['public'],
        summary: 'The full assessment of a published indicator (no sign-in; 404 when not published)',
        params: IdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: IndicatorAssessmentSchema, ...publicErrors },
      },
    },
    async (request, reply) =>
      sendJsonText(reply, await publicIndicatorAssessmentJson(ctx, request.params.id, request.query)),
  );
  done();
};
