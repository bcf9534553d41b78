import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import {
  errorResponses,
  FindingsSchema,
  IdParamsSchema,
  IndicatorCorrectionResultSchema,
  IndicatorCorrectionSchema,
  IndicatorEditsSchema,
  PlanIdParamsSchema,
  PlanVersionParamsSchema,
  VersionDiffSchema,
  VersionQuerySchema,
  VersionSummaryListSchema,
} from '@plantrack/api';
import {
  confirmVersion,
  correctIndicator,
  indicatorEdits,
  planFindings,
  planVersions,
  versionDiff,
} from '../services/plan/curation.service.js';

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
        params: IdParamsSchema,
        body: IndicatorCorrectionSchema,
        response: {
          200: IndicatorCorrectionResultSchema,
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
        params: IdParamsSchema,
        response: {
          200: IndicatorEditsSchema,
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
        params: PlanIdParamsSchema,
        response: { 200: VersionSummaryListSchema, ...errorResponses },
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
        params: PlanVersionParamsSchema,
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
        params: PlanVersionParamsSchema,
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
        params: PlanIdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: FindingsSchema, ...errorResponses },
      },
    },
    async (request) => planFindings(ctx, request.principal, request.params.planId, request.query.versionId),
  );
  done();
};
