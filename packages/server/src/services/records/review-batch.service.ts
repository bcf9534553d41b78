import { createHash } from 'node:crypto';
import type { PlanRecordKindName } from '@plantrack/core';
import type { BatchApprovalItem, BatchApprovalResponse, BatchApprovalResult } from '@plantrack/api';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError, storageProblem } from '../../errors.js';
import { canReview } from '../../policies/record.policy.js';
import { enforce } from '../../policies/policy.js';
import { observationService, progressReportService } from './record.service.js';
import type { ApproveInput } from './review-flow.service.js';

/** The approve action of each kind's review flow (keyed by kind, so a new kind must add its own). */
const approveOf: {
  readonly [K in PlanRecordKindName]: (
    ctx: AppContext,
    p: Principal,
    key: string,
    input: ApproveInput,
  ) => Promise<{ revisionNo: number }>;
} = {
  observation: (ctx, p, key, input) => observationService.approve(ctx, p, key, input),
  progress_report: (ctx, p, key, input) => progressReportService.approve(ctx, p, key, input),
};

/**
 * One item's idempotency key, derived from the request's: a retried batch replays each approval
 * it already made instead of failing them as stale. Hashed so long record keys stay short.
 */
function itemIdempotencyKey(requestKey: string | undefined, item: BatchApprovalItem): string | undefined {
  if (requestKey === undefined) return undefined;
  const digest = createHash('sha256').update(`${item.kind}|${item.key}`).digest('hex').slice(0, 24);
  return `${requestKey.slice(0, 160)}:${digest}`;
}

/** A refusal of one item as the batch reports it, or null for an error that is not a refusal. */
function refusalOf(error: unknown): BatchApprovalResult['problem'] {
  if (error instanceof ApiError) return { status: error.status, code: error.code, messages: error.messages };
  const p = storageProblem(error);
  return p === null ? null : { status: p.status, code: p.code, messages: p.messages };
}

/**
 * Approves several submissions in one request, item by item: each goes through its kind's own
 * approval (policy, four-eyes rule, its own revision check, its own transaction), so a stale or
 * refused item fails alone with its zh/en reason and the others are approved. Not all-or-nothing
 * on purpose: each item was seen and judged on its own; one that changed meanwhile must be looked
 * at again, which is no reason to hold back the rest. An unexpected error (not a refusal) ends
 * the batch: what was approved before it stays approved, and the queue shows what is left.
 */
export async function approveBatch(
  ctx: AppContext,
  p: Principal,
  items: readonly BatchApprovalItem[],
  requestKey: string | undefined,
): Promise<BatchApprovalResponse> {
  enforce(p, canReview(p));
  const results: BatchApprovalResult[] = [];
  for (const item of items) {
    try {
      const revision = await approveOf[item.kind](ctx, p, item.key, {
        expectedRevision: item.expectedRevision,
        idempotencyKey: itemIdempotencyKey(requestKey, item),
      });
      results.push({ ...pick(item), outcome: 'approved', revisionNo: revision.revisionNo, problem: null });
    } catch (error) {
      const problem = refusalOf(error);
      if (problem === null) throw error;
      results.push({ ...pick(item), outcome: 'failed', revisionNo: null, problem });
    }
  }
  const approved = results.filter((r) => r.outcome === 'approved').length;
  return { approved, failed: results.length - approved, results };
}

function pick(item: BatchApprovalItem): { kind: PlanRecordKindName; key: string } {
  return { kind: item.kind, key: item.key };
}
