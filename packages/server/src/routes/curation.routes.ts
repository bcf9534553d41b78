import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { errorResponses, IndicatorSchema, MessagesSchema } from '@plantrack/api';
import {
  confirmVersion,
  correctIndicator,
  indicatorEdits,
  planFindings,
  planVersions,
  versionDiff,
} from '../services/curation.service.js';
import { SpanSchema } from './outline.routes.js';

const IndicatorParams = z.object({ id: z.string().min(1).max(100) });
const PlanParams = z.object({ planId: z.string().min(1).max(100) });
const VersionParams = PlanParams.extend({ versionId: z.string().min(1).max(100) });

const CuratedIndicatorSchema = IndicatorSchema.extend({
  editNo: z.number().int().describe('Quote it as `expectedEditNo` when correcting the indicator'),
}).meta({ id: 'CuratedIndicator' });

const nullableText = z.string().trim().max(200).nullable();

const IndicatorCorrectionSchema = z
  .object({
    expectedEditNo: z.number().int().min(0),
    reason: z.string().trim().min(1).max(1000).describe('Why the extracted value is corrected'),
    changes: z
      .object({
        name: z.string().trim().min(1).max(200),
        groupName: nullableText,
        unit: nullableText,
        attribute: z.enum(['预期性', '约束性']).nullable(),
        direction: z.enum(['higher', 'lower']).nullable(),
        targetText: z.string().trim().min(1).max(200),
        scope: nullableText,
      })
      .partial()
      .strict(),
  })
  .meta({ id: 'IndicatorCorrection' });

const FrameworkEditSchema = z
  .object({
    id: z.string(),
    versionNo: z.number().int(),
    field: z.string().describe('The column corrected, e.g. `unit`, `target_text`'),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    actor: z.string(),
    actorName: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'FrameworkEdit' });

const DiffEntrySchema = z.object({
  key: z.string(),
  indicatorId: z.string(),
  seq: z.string(),
  name: z.string(),
});
const TaskDiffEntrySchema = z.object({ key: z.string(), taskId: z.string(), measure: z.string() });

const VersionDiffSchema = z
  .object({
    versionId: z.string(),
    versionNo: z.number().int(),
    previousVersionNo: z.number().int().nullable(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    indicators: z.object({
      added: z.array(DiffEntrySchema),
      removed: z.array(DiffEntrySchema),
      changed: z.array(
        DiffEntrySchema.extend({
          changes: z.array(
            z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
          ),
        }),
      ),
    }),
    tasks: z.object({
      added: z.array(TaskDiffEntrySchema),
      removed: z.array(TaskDiffEntrySchema),
      changed: z.array(
        TaskDiffEntrySchema.extend({ before: z.array(z.string()), after: z.array(z.string()) }),
      ),
    }),
  })
  .meta({ id: 'PlanVersionDiff' });

const VersionSummarySchema = z
  .object({
    id: z.string(),
    versionNo: z.number().int(),
    fileName: z.string().nullable(),
    sha256: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    changes: z.object({
      indicatorsAdded: z.number().int(),
      indicatorsRemoved: z.number().int(),
      indicatorsChanged: z.number().int(),
      tasksAdded: z.number().int(),
      tasksRemoved: z.number().int(),
      tasksChanged: z.number().int(),
    }),
  })
  .meta({ id: 'PlanVersionSummary' });

const FindingsSchema = z
  .object({
    versionId: z.string(),
    versionNo: z.number().int(),
    counts: z.object({
      nodes: z.number().int(),
      indicators: z.number().int(),
      commitments: z.number().int(),
      assignments: z.number().int(),
    }),
    findings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['info', 'warning', 'error']),
        message: MessagesSchema,
        sources: z.array(SpanSchema),
        indicatorSeq: z.string().nullable(),
        indicatorId: z.string().nullable(),
      }),
    ),
    warnings: z.array(MessagesSchema),
  })
  .meta({ id: 'PlanFindings' });

export const curationRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.patch(
    '/api/indicators/:id',
    {
      schema: {
        tags: ['curation'],
        summary: 'Correct extracted fields of an indicator, with a reason (planning office, administrator)',
        description:
          'Edits the newest version of the indicator. Every changed field is recorded with who, when, ' +
          'before, after and why. A stale `expectedEditNo` answers 409 with `currentRevision`.',
        params: IndicatorParams,
        body: IndicatorCorrectionSchema,
        response: {
          200: z.object({ indicator: CuratedIndicatorSchema, changedFields: z.array(z.string()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => correctIndicator(ctx, request.principal, request.params.id, request.body),
  );

  app.get(
    '/api/indicators/:id/edits',
    {
      schema: {
        tags: ['curation'],
        summary: 'The corrections of an indicator in every version, oldest first, and its current edit token',
        params: IndicatorParams,
        response: {
          200: z.object({ indicator: CuratedIndicatorSchema, edits: z.array(FrameworkEditSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => indicatorEdits(ctx, request.principal, request.params.id),
  );

  app.get(
    '/api/plans/:planId/versions',
    {
      schema: {
        tags: ['curation'],
        summary: 'The ingested versions of a plan, oldest first, with counts of their differences',
        params: PlanParams,
        response: { 200: z.array(VersionSummarySchema), ...errorResponses },
      },
    },
    async (request) => planVersions(ctx, request.principal, request.params.planId),
  );

  app.get(
    '/api/plans/:planId/versions/:versionId/diff',
    {
      schema: {
        tags: ['curation'],
        summary: 'Indicators and tasks added, removed and changed since the previous version',
        params: VersionParams,
        response: { 200: VersionDiffSchema, ...errorResponses },
      },
    },
    async (request) => versionDiff(ctx, request.principal, request.params.planId, request.params.versionId),
  );

  app.post(
    '/api/plans/:planId/versions/:versionId/confirm',
    {
      schema: {
        tags: ['curation'],
        summary: "Confirm a version's differences (planning office, administrator); once only",
        params: VersionParams,
        response: { 200: VersionDiffSchema, ...errorResponses },
      },
    },
    async (request) =>
      confirmVersion(ctx, request.principal, request.params.planId, request.params.versionId),
  );

  app.get(
    '/api/plans/:planId/findings',
    {
      schema: {
        tags: ['curation'],
        summary: 'What ingestion found in a version (scope mismatches, conflicting targets …) and its counts',
        params: PlanParams,
        querystring: z.object({
          versionId: z.string().max(100).optional().describe('Default: the newest version'),
        }),
        response: { 200: FindingsSchema, ...errorResponses },
      },
    },
    async (request) => planFindings(ctx, request.principal, request.params.planId, request.query.versionId),
  );
  done();
};
