import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { type OutlineNodeDto, planOutline } from '../services/outline.service.js';
import { errorResponses, MessagesSchema } from '@plantrack/api';

export const SpanSchema = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    lineStart: z.number().int(),
    lineEnd: z.number().int(),
  })
  .meta({
    id: 'SourceSpan',
    description: 'Offsets into the version text (UTF-16 code units) and 1-based lines',
  });

const OutlineNodeSchema: z.ZodType<OutlineNodeDto> = z
  .lazy(() =>
    z.object({
      key: z.string().describe('Stable path id, e.g. `p3.c5.s1`'),
      kind: z.string(),
      label: z.string(),
      title: z.string(),
      depth: z.number().int(),
      source: SpanSchema,
      children: z.array(OutlineNodeSchema),
    }),
  )
  .meta({ id: 'OutlineNode' });

const OutlineSchema = z
  .object({
    planId: z.string(),
    versionId: z.string(),
    versionNo: z.number().int(),
    text: z.string().describe('The whole text of the version; every span points into it'),
    outline: z.array(OutlineNodeSchema),
    indicators: z.array(
      z.object({
        id: z.string(),
        seq: z.string(),
        name: z.string(),
        group: z.string().nullable(),
        unit: z.string().nullable(),
        attribute: z.string().nullable(),
        targetText: z.string(),
        scope: z.string().nullable(),
        source: SpanSchema,
      }),
    ),
    commitments: z.array(
      z.object({
        ref: z.string(),
        subject: z.string(),
        quantityText: z.string().nullable(),
        deadline: z.number().int().nullable(),
        nodeKey: z.string(),
        indicatorId: z.string().nullable(),
        source: SpanSchema,
      }),
    ),
    assignments: z.array(
      z.object({
        taskId: z.string(),
        measure: z.string(),
        clause: z.string(),
        nodeKey: z.string(),
        owners: z.array(
          z.object({ name: z.string(), nameAsWritten: z.string(), role: z.enum(['lead', 'co_lead']) }),
        ),
        source: SpanSchema,
      }),
    ),
    findings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['info', 'warning', 'error']),
        message: MessagesSchema,
        sources: z.array(SpanSchema),
        indicatorSeq: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PlanOutline' });

export const outlineRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/plans/:planId/outline',
    {
      schema: {
        tags: ['plans'],
        summary: 'The outline tree, whole text and extracted items (with source spans) of a plan version',
        params: z.object({ planId: z.string().min(1).max(100) }),
        querystring: z.object({
          versionId: z.string().max(100).optional().describe('Default: the newest version'),
        }),
        response: { 200: OutlineSchema, ...errorResponses },
      },
    },
    async (request) => planOutline(ctx, request.principal, request.params.planId, request.query.versionId),
  );
  done();
};
