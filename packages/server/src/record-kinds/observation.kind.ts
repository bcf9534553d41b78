import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { indicatorIdentity, observationRepository } from '@plantrack/db';
import { z } from 'zod';
import { ObservationRevisionSchema, ObservationValuesSchema } from '../presenters/record.presenter.js';

import { Period, registerReviewFlowRoutes } from '../routes/review-flow.routes.js';
import { indicatorOwnerIds } from '../services/ownership.service.js';
import { observationService, parseObservationKey } from '../services/record.service.js';
import type { ServerRecordKind } from './record-kind.js';

const descriptor = RECORD_KIND_DESCRIPTORS.observation;

/** Observations (监测值) of an indicator × period × scope. */
export const observationKind: ServerRecordKind = {
  descriptor,
  evidenceSubject: descriptor.stored.evidenceSubject,
  what: 'an observation (监测值)',
  registerReviewRoutes: (app, ctx) => {
    registerReviewFlowRoutes(app, ctx, {
      path: `/api/${descriptor.urlSegment}`,
      tag: descriptor.urlSegment,
      refFields: {
        indicatorId: z.string().min(1).max(100),
        period: Period,
        scope: z.string().max(100).optional(),
      },
      refOf: (b) => ({ indicatorId: b.indicatorId, period: b.period, scope: b.scope ?? null }),
      valuesSchema: ObservationValuesSchema,
      revisionSchema: ObservationRevisionSchema,
      service: observationService,
      summaries: {
        write: 'Save a draft of, or submit, an observation (监测值)',
        correct: 'Correct an approved value with a reason; goes back to review',
        history: 'Every revision of an observation, oldest first',
      },
    });
  },
  ownerDepartmentIdsOfKey: async (ctx, rawKey) =>
    indicatorOwnerIds(ctx, parseObservationKey(rawKey).indicatorId),
  evidenceRecord: async (ctx, rawKey) => {
    const ref = parseObservationKey(rawKey);
    const identity = await indicatorIdentity(ctx.db, ref.indicatorId);
    return {
      key: observationRepository.observationKeyOf(ref),
      planId: identity.planId,
      ownerDepartmentIds: await indicatorOwnerIds(ctx, ref.indicatorId),
      published: identity.published,
      history: await observationRepository.history(ctx.db, ref),
    };
  },
};
