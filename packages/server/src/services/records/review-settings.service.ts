import { type ReviewSettings, getReviewSettings, putReviewSettings } from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { enforce } from '../../policies/policy.js';
import { canManageReviewSettings } from '../../policies/record.policy.js';

/** A plan's review rules (the defaults, revision 0, until the office sets them). */
export async function readReviewSettings(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<ReviewSettings> {
  enforce(p, canManageReviewSettings(p));
  return getReviewSettings(ctx.db, planId);
}

/**
 * Sets whether a planning office user may approve or return what they entered on a department's
 * behalf in this plan, and whether values must come with evidence; audited, with the revision the edit started from (409 when stale).
 */
export async function writeReviewSettings(
  ctx: AppContext,
  p: Principal,
  planId: string,
  body: {
    expectedRevision: number;
    officeSelfReview?: boolean | undefined;
    evidenceRequired?: boolean | undefined;
  },
): Promise<ReviewSettings> {
  enforce(p, canManageReviewSettings(p));
  return putReviewSettings(ctx.db, { planId, ...body, actor: actorOf(p) });
}
