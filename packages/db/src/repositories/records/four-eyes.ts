import type { Expression, Kysely } from 'kysely';
import { FourEyesError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ReviewAction, ReviewStatus } from '../../schema/monitoring-tables.schema.js';
import { officeSelfReviewAllowed } from './review-settings.repository.js';

/**
 * Why an actor may approve or return a revision they submitted themselves; without one they may
 * not (four-eyes). The caller states the ground; the store still checks what it can itself:
 *
 * - `office-on-behalf`: the actor holds the planning office role and belongs to none of the
 *   record's owning departments, so they entered the data on a department's behalf (a one-person
 *   office). Allowed only while the plan's review settings say so (`office_self_review`), read in
 *   the review's own transaction; the decision is marked `selfReviewed` in the history and audit.
 *   A department's own reporter who is also a reviewer never has this ground.
 * - `published-statistics`: figures the statistics bureau has already published, loaded by the
 *   operator (`load-statistics`): nobody's own entry to check, so nothing to mark.
 */
export type SelfReviewGround = 'office-on-behalf' | 'published-statistics';

/**
 * Applies the four-eyes rule to a review action, inside the transaction that writes it (the
 * submitter is read there, so nothing can change between the check and the write). Returns
 * whether the new revision is a permitted self-review (to be marked); throws `FourEyesError`
 * when the actor submitted the revision they are deciding and no ground allows it. Actions other
 * than approve and return, and revisions not under review (refused elsewhere), pass.
 */
export async function checkFourEyes(
  trx: Kysely<Database>,
  review: {
    action: ReviewAction;
    actor: string;
    selfReview?: SelfReviewGround | undefined;
    planId: Expression<string | null>;
  },
  decided: { status: ReviewStatus; createdBy: string } | undefined,
): Promise<boolean> {
  if (review.action !== 'approve' && review.action !== 'return') return false;
  if (decided?.status !== 'submitted' || decided.createdBy !== review.actor) return false;
  if (review.selfReview === 'published-statistics') return false;
  if (review.selfReview === 'office-on-behalf' && (await officeSelfReviewAllowed(trx, review.planId))) {
    return true;
  }
  throw ownSubmissionError(review.action);
}

function ownSubmissionError(action: 'approve' | 'return'): FourEyesError {
  const zh = action === 'approve' ? '审核通过' : '退回';
  const en = action === 'approve' ? 'approve' : 'return';
  return new FourEyesError({
    zh: `不能${zh}本人提交的数据：须由提交人以外的审核人员审核（双人复核）。`,
    en: `You cannot ${en} data you submitted yourself: another reviewer must decide it (four-eyes review).`,
  });
}
