import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import {
  errorResponses,
  IndicatorSchema,
  ProblemSchema,
  QualityFlagSchema,
  TaskSchema,
} from '@plantrack/api';
import { audit } from '../services/audit.service.js';
import { searchPlans } from '../services/search.service.js';
import { myItems, queue } from '../services/work.service.js';

export const workRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/my/items',
    {
      schema: {
        tags: ['work'],
        summary: "A department reporter's queue: the indicators and tasks their department owns",
        response: {
          200: z.array(
            z.object({
              planId: z.string(),
              indicators: z.array(IndicatorSchema),
              tasks: z.array(TaskSchema),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => myItems(ctx, request.principal),
  );

  app.get(
    '/api/review/queue',
    {
      schema: {
        tags: ['work'],
        summary: 'Submissions waiting for review',
        response: {
          200: z.array(
            z.object({
              kind: z.enum(['observation', 'progress_report']),
              key: z.string(),
              targetId: z.string(),
              period: z.string(),
              revisionNo: z.number().int(),
              submittedBy: z.string(),
              submittedAt: z.string(),
              qualityFlags: z.array(QualityFlagSchema).optional(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => queue(ctx, request.principal),
  );

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Chinese full-text search; the public sees published items only',
        querystring: z.object({
          q: z.string().trim().min(1).max(100),
          planId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.array(
            z.object({
              kind: z.enum(['node', 'indicator', 'task', 'report']),
              id: z.string(),
              planId: z.string(),
              planVersionId: z.string().nullable(),
              nodeKey: z.string().nullable(),
              title: z.string(),
              snippet: z.string(),
              score: z.number(),
              source: z.object({ start: z.number(), end: z.number() }).nullable(),
            }),
          ),
          400: ProblemSchema,
          401: ProblemSchema,
        },
      },
    },
    async (request) => searchPlans(ctx, request.principal, request.query),
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log, newest first (administrator, planning office)',
        querystring: z.object({
          entity: z.string().max(100).optional(),
          entityId: z.string().max(400).optional(),
          actor: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          planId: z.string().max(100).optional(),
          from: z.string().max(40).optional(),
          to: z.string().max(40).optional(),
          beforeId: z.string().max(100).optional().describe('Cursor: the last id of the previous page'),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              at: z.string(),
              actor: z.string(),
              action: z.string(),
              entity: z.string(),
              entityId: z.string(),
              planId: z.string().nullable(),
              detail: z.unknown(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
      return audit(ctx, request.principal, query);
    },
  );
  done();
};
