import {
  type ObservationRef,
  type ObservationValues,
  type ProgressReportRef,
  type ProgressReportValues,
  observationRepository,
  progressReportRepository,
} from '@plantrack/db';
import { type Principal, actorOf } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { enforce } from '../policies/policy.js';
import { canReadRecordHistory, canReview, canWriteRecord } from '../policies/record.policy.js';
import {
  type ObservationRevisionDto,
  type ProgressReportRevisionDto,
  presentObservation,
  presentProgressReport,
} from '../presenters/record.presenter.js';
import { indicatorOwnerIds, taskOwnerIds } from './ownership.service.js';

/** What a reporter may do when writing: keep a draft or submit it for review. */
export type WriteAction = 'save_draft' | 'submit';

type Write<R, V> = {
  ref: R;
  action: WriteAction;
  expectedRevision: number;
  values?: V | undefined;
  idempotencyKey?: string | undefined;
};

type ReviewInput = {
  expectedRevision: number;
  note?: string | undefined;
  idempotencyKey?: string | undefined;
};
type ReturnInput = { expectedRevision: number; reason: string; idempotencyKey?: string | undefined };
type CorrectInput<V> = {
  expectedRevision: number;
  values: V;
  reason: string;
  idempotencyKey?: string | undefined;
};

const badKey = (key: string): ApiError =>
  new ApiError(400, 'invalid-key', { zh: `记录键格式不正确：${key}`, en: `Malformed record key: ${key}` });

/** `indicatorId|period|scope` → its parts (the scope may itself contain `|`). */
export function parseObservationKey(key: string): ObservationRef {
  const [indicatorId, period, ...rest] = key.split('|');
  if (indicatorId === undefined || period === undefined || rest.length === 0 || indicatorId === '')
    throw badKey(key);
  return { indicatorId, period, scope: rest.join('|') };
}

/** `taskId|period` → its parts. */
export function parseProgressReportKey(key: string): ProgressReportRef {
  const [taskId, period, ...rest] = key.split('|');
  if (taskId === undefined || period === undefined || rest.length > 0 || taskId === '') throw badKey(key);
  return { taskId, period };
}

// ---- observations -------------------------------------------------------------------------

async function observationTarget(ctx: AppContext, ref: ObservationRef) {
  return { ownerDepartmentIds: await indicatorOwnerIds(ctx, ref.indicatorId) };
}

export async function writeObservation(
  ctx: AppContext,
  p: Principal,
  input: Write<ObservationRef, ObservationValues>,
): Promise<ObservationRevisionDto> {
  enforce(p, canWriteRecord(p, await observationTarget(ctx, input.ref)));
  const common = {
    ref: input.ref,
    expectedRevision: input.expectedRevision,
    actor: actorOf(p),
    idempotencyKey: input.idempotencyKey ?? null,
  };
  if (input.action === 'save_draft') {
    if (input.values === undefined) throw missingValues();
    return presentObservation(
      await observationRepository.saveDraft(ctx.db, { ...common, values: input.values }),
    );
  }
  return presentObservation(
    await observationRepository.submit(ctx.db, {
      ...common,
      ...(input.values === undefined ? {} : { values: input.values }),
    }),
  );
}

export async function approveObservation(ctx: AppContext, p: Principal, key: string, input: ReviewInput) {
  const ref = parseObservationKey(key);
  enforce(p, canReview(p));
  return presentObservation(
    await observationRepository.approve(ctx.db, {
      ref,
      expectedRevision: input.expectedRevision,
      actor: actorOf(p),
      idempotencyKey: input.idempotencyKey ?? null,
      ...(input.note === undefined ? {} : { note: input.note }),
    }),
  );
}

export async function returnObservation(ctx: AppContext, p: Principal, key: string, input: ReturnInput) {
  const ref = parseObservationKey(key);
  enforce(p, canReview(p));
  return presentObservation(
    await observationRepository.returnForCorrection(ctx.db, {
      ref,
      expectedRevision: input.expectedRevision,
      actor: actorOf(p),
      reason: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
    }),
  );
}

export async function correctObservation(
  ctx: AppContext,
  p: Principal,
  key: string,
  input: CorrectInput<ObservationValues>,
) {
  const ref = parseObservationKey(key);
  enforce(p, canWriteRecord(p, await observationTarget(ctx, ref)));
  return presentObservation(
    await observationRepository.correctApproved(ctx.db, {
      ref,
      expectedRevision: input.expectedRevision,
      actor: actorOf(p),
      values: input.values,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
    }),
  );
}

export async function observationHistory(ctx: AppContext, p: Principal, key: string) {
  const ref = parseObservationKey(key);
  enforce(p, canReadRecordHistory(p, await observationTarget(ctx, ref)));
  return (await observationRepository.history(ctx.db, ref)).map(presentObservation);
}

// ---- progress reports ---------------------------------------------------------------------

async function reportTarget(ctx: AppContext, ref: ProgressReportRef) {
  return { ownerDepartmentIds: await taskOwnerIds(ctx, ref.taskId) };
}

export async function writeProgressReport(
  ctx: AppContext,
  p: Principal,
  input: Write<ProgressReportRef, ProgressReportValues>,
): Promise<ProgressReportRevisionDto> {
  enforce(p, canWriteRecord(p, await reportTarget(ctx, input.ref)));
  const common = {
    ref: input.ref,
    expectedRevision: input.expectedRevision,
    actor: actorOf(p),
    idempotencyKey: input.idempotencyKey ?? null,
  };
  if (input.action === 'save_draft') {
    if (input.values === undefined) throw missingValues();
    return presentProgressReport(
      await progressReportRepository.saveDraft(ctx.db, { ...common, values: input.values }),
    );
  }
  return presentProgressReport(
    await progressReportRepository.submit(ctx.db, {
      ...common,
      ...(input.values === undefined ? {} : { values: input.values }),
    }),
  );
}

export async function approveProgressReport(ctx: AppContext, p: Principal, key: string, input: ReviewInput) {
  const ref = parseProgressReportKey(key);
  enforce(p, canReview(p));
  return presentProgressReport(
    await progressReportRepository.approve(ctx.db, {
      ref,
      expectedRevision: input.expectedRevision,
      actor: actorOf(p),
      idempotencyKey: input.idempotencyKey ?? null,
      ...(input.note === undefined ? {} : { note: input.note }),
    }),
  );
}

export async function returnProgressReport(ctx: AppContext, p: Principal, key: string, input: ReturnInput) {
  const ref = parseProgressReportKey(key);
  enforce(p, canReview(p));
  return presentProgressReport(
    await progressReportRepository.returnForCorrection(ctx.db, {
      ref,
      expectedRevision: input.expectedRevision,
      actor: actorOf(p),
      reason: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
    }),
  );
}

export async function correctProgressReport(
  ctx: AppContext,
  p: Principal,
  key: string,
  input: CorrectInput<ProgressReportValues>,
) {
  const ref = parseProgressReportKey(key);
  enforce(p, canWriteRecord(p, await reportTarget(ctx, ref)));
  return presentProgressReport(
    await progressReportRepository.correctApproved(ctx.db, {
      ref,
      expectedRevision: input.expectedRevision,
      actor: actorOf(p),
      values: input.values,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
    }),
  );
}

export async function progressReportHistory(ctx: AppContext, p: Principal, key: string) {
  const ref = parseProgressReportKey(key);
  enforce(p, canReadRecordHistory(p, await reportTarget(ctx, ref)));
  return (await progressReportRepository.history(ctx.db, ref)).map(presentProgressReport);
}

function missingValues(): ApiError {
  return new ApiError(400, 'missing-values', {
    zh: '保存草稿时必须提供填报内容。',
    en: 'A draft needs values.',
  });
}
