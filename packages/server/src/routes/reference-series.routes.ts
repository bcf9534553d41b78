import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import {
  linkSeries,
  newSeries,
  newValue,
  seriesOfPlan,
} from '../services/assessment/reference-series.service.js';
import {
  errorResponses,
  IdParamsSchema,
  NewReferenceSeriesSchema,
  NewReferenceValueSchema,
  PlanIdParamsSchema,
  ReferenceSeriesListSchema,
  ReferenceSeriesSchema,
  ReferenceValueSchema,
  SeriesIdParamsSchema,
  SeriesLinkBodySchema,
  SeriesLinkSchema,
} from '@plantrack/api';

/** Reference series (参照值): read by any signed-in role, written by the planning office and administrators. */
export const referenceSeriesRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/reference-series',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Reference series of a plan with their values and linked indicators',
        params: PlanIdParamsSchema,
        response: { 200: ReferenceSeriesListSchema, ...errorResponses },
      },
    },
    async (request) => seriesOfPlan(ctx, request.principal, request.params.planId),
  );

  app.post(
    '/api/plans/:planId/reference-series',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Create a reference series (planning office, administrator); audited',
        params: PlanIdParamsSchema,
        body: NewReferenceSeriesSchema,
        response: { 201: ReferenceSeriesSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await newSeries(ctx, request.principal, request.params.planId, request.body)),
  );

  app.post(
    '/api/reference-series/:seriesId/values',
    {
      schema: {
        tags: ['assessment'],
        summary:
          'Record a value for a year (planning office, administrator); a second value for the same year is a ' +
          'correction (note required) appended as a new revision; audited',
        params: SeriesIdParamsSchema,
        body: NewReferenceValueSchema,
        response: { 201: ReferenceValueSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await newValue(ctx, request.principal, request.params.seriesId, request.body)),
  );

  app.put(
    '/api/indicators/:id/reference-series',
    {
      schema: {
        tags: ['assessment'],
        summary:
          'Link an indicator to a reference series of its plan (null: unlink); planning office, administrator; audited',
        params: IdParamsSchema,
        body: SeriesLinkBodySchema,
        response: {
          200: SeriesLinkSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => linkSeries(ctx, request.principal, request.params.id, request.body.seriesId),
  );
  done();
};
