import {
  type ComparedValue,
  observationRepository,
  type QualityIndicator as QualityIndicatorRow,
  prepareQualityInputs,
  qualityInputsApart,
  qualityFlagsByKey,
  qualityFlagsOf,
  storeQualityFlags,
  type QueueItem,
} from '@plantrack/db';
import {
  type Baseline,
  type QualityFlag,
  RECORD_KIND_DESCRIPTORS,
  type Target,
  checkObservationQuality,
} from '@plantrack/core';
import type { Alongside, ObservationRef, ObservationRevision } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import type { ObservationRevisionDto } from '../../presenters/record.presenter.js';
import type { ReviewFlowService } from './review-flow.service.js';

type Db = AppContext['db'];

/**
 * Data-quality flags in the observation review flow: every revision that enters review (a
 * submission or a correction) is checked against the indicator and the approved values of earlier
 * periods, and the flags are stored in the revision's own transaction and returned with
 * it. What the check compares with is one statement (db quality-inputs.repository.ts), read before
 * that transaction on PostgreSQL and inside it on SQLite, whichever waits less; the flags join the
 * commit group's multi-row insert. A history shows each revision's stored
 * flags (read with the revisions: observation.repository).
 */
export async function qualityCheckOnReview(
  ctx: AppContext,
  ref: ObservationRef,
  confirmed: readonly string[] = [],
): Promise<Alongside<ObservationRevision>> {
  // One read gives the jump rule its previous period, the history rules the approved values of
  // earlier periods and the evidence rule the files attached (uploaded before the value is submitted).
  const inputs = await prepareQualityInputs(ctx.db, {
    indicatorId: ref.indicatorId,
    period: ref.period,
    observationKey: observationRepository.observationKeyOf(ref),
  });
  return async (trx, revision) => {
    if (revision.status !== 'submitted') return revision;
    const { indicator, previous } = await inputs(trx);
    const flags =
      indicator === undefined
        ? []
        : qualityFlagsOf_(indicator, {
            observation: {
              period: revision.period,
              value: revision.values.value,
              unit: revision.values.unit,
              scope: revision.scope,
            },
            previous,
            confirmed,
            evidenceAttached: revision.values.evidence?.length ?? 0,
          });
    return { ...revision, qualityFlags: await storeQualityFlags(trx, revision, flags) };
  };
}

/**
 * The checks of core over an indicator row; flags whose code the submitter saw before submitting
 * and confirmed ("确认无误，仍然提交") carry `confirmed`, so the reviewer knows they were seen.
 */
function qualityFlagsOf_(
  row: QualityIndicatorRow,
  input: {
    observation: { period: string; value: number | null; unit?: string | null; scope?: string | null };
    previous: readonly ComparedValue[];
    confirmed: readonly string[];
    /** Files the value names itself (or the reporter's form will attach), beside those stored. */
    evidenceAttached: number;
  },
): QualityFlag[] {
  const checked = { ...row, ...parsedTarget(row) };
  const flags = checkObservationQuality({
    indicator: {
      name: checked.name,
      unit: checked.unit,
      scope: checked.scope,
      target: checked.target,
      baseline: checked.baseline,
      direction: checked.direction === 'higher' || checked.direction === 'lower' ? checked.direction : null,
    },
    observation: input.observation,
    previous: input.previous,
    evidence: {
      required: row.evidence.required,
      attached: Math.max(row.evidence.attached, input.evidenceAttached),
    },
  });
  return flags.map((f) => (input.confirmed.includes(f.code) ? { ...f, confirmed: true } : f));
}

/**
 * The quality flags a value would raise if submitted now (the "check draft" route, 我的填报's
 * warning dialog and the template upload use the same checks as the submission itself).
 */
export async function checkDraftQuality(
  ctx: AppContext,
  draft: {
    indicatorId: string;
    period: string;
    scope?: string | undefined;
    value: number | null;
    unit?: string | null | undefined;
    evidenceCount?: number | undefined;
  },
): Promise<QualityFlag[]> {
  const { indicator, previous } = await qualityInputsApart(ctx.db, {
    indicatorId: draft.indicatorId,
    period: draft.period,
    observationKey: observationRepository.observationKeyOf({
      indicatorId: draft.indicatorId,
      period: draft.period,
      scope: draft.scope ?? '',
    }),
  });
  if (indicator === undefined) return [];
  return qualityFlagsOf_(indicator, {
    observation: {
      period: draft.period,
      value: draft.value,
      unit: draft.unit ?? null,
      scope: draft.scope ?? null,
    },
    previous,
    confirmed: [],
    // The reporter's form may hold files not yet uploaded: it says how many it will attach.
    evidenceAttached: draft.evidenceCount ?? 0,
  });
}

function parsedTarget(indicator: { targetJson: string; baselineJson: string | null }): {
  target: Target;
  baseline: Baseline | null;
} {
  return {
    target: JSON.parse(indicator.targetJson) as Target,
    baseline:
      indicator.baselineJson === null ? null : (JSON.parse(indicator.baselineJson) as Baseline | null),
  };
}

/**
 * A replayed submission (a retried request with the same idempotency key) returns the stored
 * revision without running the check again: its flags are read back, so the answer is the first one.
 */
export function withReplayedQualityFlags<V>(
  service: ReviewFlowService<ObservationRef, V, ObservationRevisionDto>,
): ReviewFlowService<ObservationRef, V, ObservationRevisionDto> {
  const withFlags = async (
    ctx: AppContext,
    revision: ObservationRevisionDto,
  ): Promise<ObservationRevisionDto> => {
    if (revision.status !== 'submitted' || revision.qualityFlags !== undefined) return revision;
    const stored = (await qualityFlagsOf(ctx.db, [revision.id])).get(revision.id);
    return stored === undefined ? revision : { ...revision, qualityFlags: stored };
  };
  return {
    ...service,
    write: async (ctx, p, input) => withFlags(ctx, await service.write(ctx, p, input)),
    correct: async (ctx, p, key, input) => withFlags(ctx, await service.correct(ctx, p, key, input)),
  };
}

/** The review queue with each observation's stored flags. */
export async function withQueueFlags(
  db: Db,
  items: readonly QueueItem[],
): Promise<(QueueItem & { qualityFlags?: QualityFlag[] })[]> {
  const isObservation = (i: QueueItem) => i.kind === RECORD_KIND_DESCRIPTORS.observation.name;
  const flags = await qualityFlagsByKey(db, items.filter(isObservation));
  return items.map((i) => {
    const stored = isObservation(i) ? flags.get(`${i.key}#${i.revisionNo}`) : undefined;
    return stored === undefined ? i : { ...i, qualityFlags: stored };
  });
}
