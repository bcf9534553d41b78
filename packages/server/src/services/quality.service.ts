import {
  type Baseline,
  type QualityFlag,
  type Target,
  checkObservationQuality,
  previousPeriod,
} from '@plantrack/core';
import { type ObservationRef, groupedWriteTransaction } from '@plantrack/db';
import type { AppContext } from '../context.js';
import type { ObservationRevisionDto } from '../presenters/record.presenter.js';
import {
  indicatorForQuality,
  qualityFlagsByKey,
  storeQualityFlags,
} from '../repositories/evidence-quality.repository.js';
import { type QueueItem, approvedValuesInPeriod } from '../repositories/monitoring-query.repository.js';
import type { ReviewFlowService } from './review-flow.service.js';

type Db = AppContext['db'];

/**
 * Adds data-quality flags to the observation review flow: every revision that enters review (a
 * submission or a correction) is checked against the indicator and the approved values of earlier
 * periods, and the flags are stored with the revision and returned with it. They are written right
 * after the revision, not inside its transaction, so the review flow's handling of racing retries
 * (PostgreSQL) stays as it is; a retried request stores flags a crash in between left out.
 * A history shows each revision's stored flags (read with the revisions: observation.repository).
 */
export function withQualityFlags<V>(
  service: ReviewFlowService<ObservationRef, V, ObservationRevisionDto>,
): ReviewFlowService<ObservationRef, V, ObservationRevisionDto> {
  const checked = async (
    ctx: AppContext,
    write: () => Promise<ObservationRevisionDto>,
  ): Promise<ObservationRevisionDto> => {
    const revision = await write();
    if (revision.status !== 'submitted') return revision;
    const flags = await flagsFor(ctx.db, revision);
    const stored = await groupedWriteTransaction(ctx.db, (trx) => storeQualityFlags(trx, revision, flags));
    return { ...revision, qualityFlags: stored };
  };
  return {
    ...service,
    write: (ctx, p, input) => checked(ctx, () => service.write(ctx, p, input)),
    correct: (ctx, p, key, input) => checked(ctx, () => service.correct(ctx, p, key, input)),
  };
}

/** The flags of one revision's values, against the indicator and the approved values in force. */
async function flagsFor(db: Db, revision: ObservationRevisionDto): Promise<QualityFlag[]> {
  const indicator = await indicatorForQuality(db, revision.indicatorId);
  if (indicator === undefined) return [];
  const target = JSON.parse(indicator.targetJson) as Target;
  const baseline =
    indicator.baselineJson === null ? null : (JSON.parse(indicator.baselineJson) as Baseline | null);
  // The checks compare with the previous period only (`previousPeriod`), so only its values are read.
  const compared = previousPeriod(revision.period);
  const previous = compared === null ? [] : await approvedValuesInPeriod(db, revision.indicatorId, compared);
  return checkObservationQuality({
    indicator: {
      name: indicator.name,
      unit: indicator.unit,
      scope: indicator.scope,
      target,
      baseline,
      direction:
        indicator.direction === 'higher' || indicator.direction === 'lower' ? indicator.direction : null,
    },
    observation: {
      period: revision.period,
      value: revision.values.value,
      unit: revision.values.unit,
      scope: revision.scope,
    },
    previous,
  });
}

/** The review queue with each observation's stored flags. */
export async function withQueueFlags(
  db: Db,
  items: readonly QueueItem[],
): Promise<(QueueItem & { qualityFlags?: QualityFlag[] })[]> {
  const observations = items.filter((i) => i.kind === 'observation');
  const flags = await qualityFlagsByKey(db, observations);
  return items.map((i) => {
    const stored = i.kind === 'observation' ? flags.get(`${i.key}#${i.revisionNo}`) : undefined;
    return stored === undefined ? i : { ...i, qualityFlags: stored };
  });
}
