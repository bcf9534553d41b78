import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  BatchApprovalBodySchema,
  BatchApprovalResponseSchema,
  errorResponses,
  IdempotencyHeaderSchema,
} from '@plantrack/api';
import type { AppContext } from '../context.js';
import { approveBatch } from '../services/records/review-batch.service.js';

type ZodApp = Parameters<FastifyPluginCallbackZod>[0];

/** `POST /api/review/approve-batch`: several submissions approved in one request, item by item. */
export function registerReviewBatchRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/review/approve-batch',
    {
      schema: {
        tags: ['work'],
        summary:
          'Approve several submissions (reviewer): each with its own revision check; a stale item fails alone',
        headers: IdempotencyHeaderSchema,
        body: BatchApprovalBodySchema,
        response: { 200: BatchApprovalResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      approveBatch(ctx, request.principal, request.body.items, request.headers['idempotency-key']),
  );
}
