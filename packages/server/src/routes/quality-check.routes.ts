/**
 * `POST /api/observations/check`: the quality warnings a value would raise if submitted now, so the
 * reporter sees them before submitting (我的填报's warning dialog). Writes nothing.
 */
import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { errorResponses, QualityCheckBodySchema, QualityCheckResultSchema } from '@plantrack/api';
import type { AppContext } from '../context.js';
import { enforce } from '../policies/policy.js';
import { canWriteRecord, permitsRecord } from '../policies/record.policy.js';
import { indicatorOwnerIds } from '../services/organisation/ownership.service.js';
import { checkDraftQuality } from '../services/records/quality.service.js';

export const qualityCheckRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.post(
    '/api/observations/check',
    {
      schema: {
        tags: [RECORD_KIND_DESCRIPTORS.observation.apiTag],
        summary: 'Check a value before submitting it: the quality warnings it would raise (writes nothing)',
        body: QualityCheckBodySchema,
        response: { 200: QualityCheckResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      // Who may submit the value may check it: the office, or a reporter of an owning department.
      enforce(
        request.principal,
        await permitsRecord(request.principal, canWriteRecord, async () => ({
          ownerDepartmentIds: await indicatorOwnerIds(ctx, b.indicatorId),
        })),
      );
      const flags = await checkDraftQuality(ctx, {
        indicatorId: b.indicatorId,
        period: b.period,
        scope: b.scope,
        value: b.value,
        unit: b.unit,
        evidenceCount: b.evidenceCount,
      });
      return { flags };
    },
  );
  done();
};
