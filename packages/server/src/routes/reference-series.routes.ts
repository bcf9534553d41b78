import { REFERENCE_KINDS } from '@plantrack/db';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import {
  linkSeries,
  newSeries,
  newValue,
  seriesOfPlan,
} from '../services/assessment/reference-series.service.js';
import {
  errorResponses,
  ReferenceSeriesSchema,
  ReferenceSeriesWithValuesSchema,
  ReferenceValueSchema,
} from '@plantrack/api';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Reference series (参照值): read by any signed-in role, written by the planning office and administrators. */
export const referenceSeriesRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/reference-series',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Reference series of a plan with their values and linked indicators',
        params: z.object({ planId: z.string().min(1).max(100) }),
        response: { 200: z.array(ReferenceSeriesWithValuesSchema), ...errorResponses },
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
        params: z.object({ planId: z.string().min(1).max(100) }),
        body: z.object({
          key: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
            .describe('Stable key within the plan, e.g. changzhou-gdp-growth'),
          name: text(200).describe('Name in Chinese, e.g. 常州市地区生产总值增长'),
          kind: z.enum(REFERENCE_KINDS),
          unit: text(50).nullable().optional(),
          scope: text(200).nullable().optional(),
          source: text(500).nullable().optional(),
        }),
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
        params: z.object({ seriesId: z.string().min(1).max(100) }),
        body: z.object({
          period: z.string().regex(/^\d{4}$/),
          value: z.number().nullable(),
          valueText: z.string().max(200).nullable().optional(),
          estimated: z.boolean().optional(),
          source: z.string().max(500).nullable().optional(),
          note: z.string().max(1000).nullable().optional(),
        }),
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
        params: z.object({ id: z.string().min(1).max(100) }),
        body: z.object({ seriesId: z.string().min(1).max(100).nullable() }),
        response: {
          200: z.object({ planId: z.string(), indicatorKey: z.string(), seriesId: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => linkSeries(ctx, request.principal, request.params.id, request.body.seriesId),
  );
  done();
};
