import type { FastifyTypeProviderDefault } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { ReviewFlowService, WriteAction } from '../services/records/review-flow.service.js';
import {
  ApproveRecordBodySchema,
  errorResponses,
  IdempotencyHeaderSchema,
  recordCorrectBodySchema,
  recordHistorySchema,
  type RecordKeyParams,
  RecordKeyParamsSchema,
  recordWriteBodySchema,
  ReturnRecordBodySchema,
} from '@plantrack/api';

type ZodApp = Parameters<FastifyPluginCallbackZod>[0];

type KeyRoute<Body> = {
  Params: RecordKeyParams;
  Headers: IdempotencyHeaders;
  Body: Body;
};
type IdempotencyHeaders = z.output<typeof IdempotencyHeaderSchema>;

/** One kind of reviewed record as the API exposes it under `path`. */
export type ReviewFlowRoutes<RefFields extends z.ZodRawShape, R, Values extends z.ZodType, Dto> = {
  /** e.g. `/api/observations`; the key routes hang below it. */
  path: string;
  tag: string;
  /** The body fields that name the record (besides action, expectedRevision and values). */
  refFields: RefFields;
  refOf: (body: z.output<z.ZodObject<RefFields>>) => R;
  valuesSchema: Values;
  revisionSchema: z.ZodType<Dto>;
  service: ReviewFlowService<R, z.output<Values>, Dto>;
  summaries: { write: string; correct: string; history: string };
};

/** Write, approve, return, correct and history routes of one kind of reviewed record. */
export function registerReviewFlowRoutes<RefFields extends z.ZodRawShape, R, Values extends z.ZodType, Dto>(
  app: ZodApp,
  ctx: AppContext,
  kind: ReviewFlowRoutes<RefFields, R, Values, Dto>,
): void {
  const { path, tag, revisionSchema, service, summaries } = kind;
  const tags = [tag];
  // The zod validator and serializer still check every request and reply at run time; the request
  // types are stated below because the provider cannot infer them from schemas generic in the kind.
  const routes = app.withTypeProvider<FastifyTypeProviderDefault>();
  type WriteBody = z.output<z.ZodObject<RefFields>> & {
    action: WriteAction;
    expectedRevision: number;
    values?: z.output<Values> | undefined;
    confirmedWarnings?: string[] | undefined;
  };
  routes.post<{ Headers: IdempotencyHeaders; Body: WriteBody }>(
    path,
    {
      schema: {
        tags,
        summary: summaries.write,
        headers: IdempotencyHeaderSchema,
        body: recordWriteBodySchema(kind.refFields, kind.valuesSchema),
        response: { 201: revisionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      // Fastify's `KeysOf<Body> extends never` test stays unresolved while Body is generic.
      const b = request.body as WriteBody;
      const revision = await service.write(ctx, request.principal, {
        ref: kind.refOf(b),
        action: b.action,
        expectedRevision: b.expectedRevision,
        values: b.values,
        idempotencyKey: request.headers['idempotency-key'],
        confirmedWarnings: b.confirmedWarnings,
      });
      return reply.code(201).send(revision);
    },
  );
  routes.post<KeyRoute<z.output<typeof ApproveRecordBodySchema>>>(
    `${path}/:key/approve`,
    {
      schema: {
        tags,
        summary: 'Approve the submitted revision (reviewer)',
        headers: IdempotencyHeaderSchema,
        params: RecordKeyParamsSchema,
        body: ApproveRecordBodySchema,
        response: { 200: revisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      service.approve(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  routes.post<KeyRoute<z.output<typeof ReturnRecordBodySchema>>>(
    `${path}/:key/return`,
    {
      schema: {
        tags,
        summary: 'Return the submitted revision with a reason (reviewer)',
        headers: IdempotencyHeaderSchema,
        params: RecordKeyParamsSchema,
        body: ReturnRecordBodySchema,
        response: { 200: revisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      service.return(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  routes.post<
    KeyRoute<{
      expectedRevision: number;
      values: z.output<Values>;
      reason: string;
      confirmedWarnings?: string[] | undefined;
    }>
  >(
    `${path}/:key/correct`,
    {
      schema: {
        tags,
        summary: summaries.correct,
        headers: IdempotencyHeaderSchema,
        params: RecordKeyParamsSchema,
        body: recordCorrectBodySchema(kind.valuesSchema),
        response: { 200: revisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      service.correct(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  routes.get<{ Params: RecordKeyParams }>(
    `${path}/:key/history`,
    {
      schema: {
        tags,
        summary: summaries.history,
        params: RecordKeyParamsSchema,
        response: { 200: recordHistorySchema(revisionSchema), ...errorResponses },
      },
    },
    async (request) => service.history(ctx, request.principal, request.params.key),
  );
}
