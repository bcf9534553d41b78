import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import {
  ObservationRevisionSchema,
  ObservationValuesSchema,
  ProgressReportRevisionSchema,
  ProgressReportValuesSchema,
} from '../presenters/record.presenter.js';
import * as records from '../services/record.service.js';
import { IdempotencyHeaderSchema, errorResponses } from './common.schema.js';

const Period = z
  .string()
  .regex(/^\d{4}(?:Q[1-4]|-(?:0[1-9]|1[0-2]))?$/)
  .describe('2026, 2026Q1 or 2026-03');
const ExpectedRevision = z
  .number()
  .int()
  .min(0)
  .describe('The revision the client last saw (0 for a new record); a stale number is 409');
const KeyParams = z.object({ key: z.string().min(3).max(400).describe('Record key (URL-encoded)') });
const ApproveBody = z.object({ expectedRevision: ExpectedRevision, note: z.string().max(4000).optional() });
const ReturnBody = z.object({
  expectedRevision: ExpectedRevision,
  reason: z.string().trim().min(1).max(4000),
});
const Action = z.enum(['save_draft', 'submit']).default('submit');

export const recordRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  // ---- observations ----
  app.post(
    '/api/observations',
    {
      schema: {
        tags: ['observations'],
        summary: 'Save a draft of, or submit, an observation (监测值)',
        headers: IdempotencyHeaderSchema,
        body: z.object({
          indicatorId: z.string().min(1).max(100),
          period: Period,
          scope: z.string().max(100).optional(),
          action: Action,
          expectedRevision: ExpectedRevision,
          values: ObservationValuesSchema.optional(),
        }),
        response: { 201: ObservationRevisionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const revision = await records.writeObservation(ctx, request.principal, {
        ref: { indicatorId: b.indicatorId, period: b.period, scope: b.scope ?? null },
        action: b.action,
        expectedRevision: b.expectedRevision,
        values: b.values,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.code(201).send(revision);
    },
  );
  app.post(
    '/api/observations/:key/approve',
    {
      schema: {
        tags: ['observations'],
        summary: 'Approve the submitted revision (reviewer)',
        headers: IdempotencyHeaderSchema,
        params: KeyParams,
        body: ApproveBody,
        response: { 200: ObservationRevisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.approveObservation(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  app.post(
    '/api/observations/:key/return',
    {
      schema: {
        tags: ['observations'],
        summary: 'Return the submitted revision with a reason (reviewer)',
        headers: IdempotencyHeaderSchema,
        params: KeyParams,
        body: ReturnBody,
        response: { 200: ObservationRevisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.returnObservation(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  app.post(
    '/api/observations/:key/correct',
    {
      schema: {
        tags: ['observations'],
        summary: 'Correct an approved value with a reason; goes back to review',
        headers: IdempotencyHeaderSchema,
        params: KeyParams,
        body: z.object({
          expectedRevision: ExpectedRevision,
          values: ObservationValuesSchema,
          reason: z.string().trim().min(1).max(4000),
        }),
        response: { 200: ObservationRevisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.correctObservation(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  app.get(
    '/api/observations/:key/history',
    {
      schema: {
        tags: ['observations'],
        summary: 'Every revision of an observation, oldest first',
        params: KeyParams,
        response: { 200: z.array(ObservationRevisionSchema), ...errorResponses },
      },
    },
    async (request) => records.observationHistory(ctx, request.principal, request.params.key),
  );

  // ---- progress reports ----
  app.post(
    '/api/progress-reports',
    {
      schema: {
        tags: ['progress-reports'],
        summary: 'Save a draft of, or submit, a task progress report (进展报告)',
        headers: IdempotencyHeaderSchema,
        body: z.object({
          taskId: z.string().min(1).max(100),
          period: Period,
          action: Action,
          expectedRevision: ExpectedRevision,
          values: ProgressReportValuesSchema.optional(),
        }),
        response: { 201: ProgressReportRevisionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const revision = await records.writeProgressReport(ctx, request.principal, {
        ref: { taskId: b.taskId, period: b.period },
        action: b.action,
        expectedRevision: b.expectedRevision,
        values: b.values,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.code(201).send(revision);
    },
  );
  app.post(
    '/api/progress-reports/:key/approve',
    {
      schema: {
        tags: ['progress-reports'],
        summary: 'Approve the submitted revision (reviewer)',
        headers: IdempotencyHeaderSchema,
        params: KeyParams,
        body: ApproveBody,
        response: { 200: ProgressReportRevisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.approveProgressReport(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  app.post(
    '/api/progress-reports/:key/return',
    {
      schema: {
        tags: ['progress-reports'],
        summary: 'Return the submitted revision with a reason (reviewer)',
        headers: IdempotencyHeaderSchema,
        params: KeyParams,
        body: ReturnBody,
        response: { 200: ProgressReportRevisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.returnProgressReport(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  app.post(
    '/api/progress-reports/:key/correct',
    {
      schema: {
        tags: ['progress-reports'],
        summary: 'Correct an approved report with a reason; goes back to review',
        headers: IdempotencyHeaderSchema,
        params: KeyParams,
        body: z.object({
          expectedRevision: ExpectedRevision,
          values: ProgressReportValuesSchema,
          reason: z.string().trim().min(1).max(4000),
        }),
        response: { 200: ProgressReportRevisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.correctProgressReport(ctx, request.principal, request.params.key, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  );
  app.get(
    '/api/progress-reports/:key/history',
    {
      schema: {
        tags: ['progress-reports'],
        summary: 'Every revision of a progress report, oldest first',
        params: KeyParams,
        response: { 200: z.array(ProgressReportRevisionSchema), ...errorResponses },
      },
    },
    async (request) => records.progressReportHistory(ctx, request.principal, request.params.key),
  );
  done();
};
