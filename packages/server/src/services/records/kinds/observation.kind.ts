import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { indicatorIdentity, observationRepository } from '@plantrack/db';
import { indicatorOwnerIds } from '../../organisation/ownership.service.js';
import { parseObservationKey } from '../record.service.js';
import { indicatorTemplateSheet } from '../../template/template-indicator.facet.js';
import type { ServerRecordKind } from './record-kind.js';

const descriptor = RECORD_KIND_DESCRIPTORS.observation;

/** Observations (监测值) of an indicator × period × scope. */
export const observationKind: ServerRecordKind = {
  descriptor,
  evidenceSubject: descriptor.stored.evidenceSubject,
  what: 'an observation (监测值)',
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
  templateSheet: indicatorTemplateSheet,
};
