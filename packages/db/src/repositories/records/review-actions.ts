import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { ReviewAction } from '../../schema/monitoring-tables.schema.js';
import type { SelfReviewGround } from './four-eyes.js';
import type { Alongside, Revision as BaseRevision } from './review-flow.js';

/** Arguments shared by every review action on a record of one kind (an observation, a progress report). */
export type ReviewActionArgs<Ref, Revision = never> = {
  ref: Ref;
  /** The revision the caller last saw (0 when none exists); a stale number is a `ConflictError`. */
  expectedRevision: number;
  actor: string;
  idempotencyKey?: string | null;
  /** Approvals and returns: why the actor may decide their own submission (see `SelfReviewGround`). */
  selfReview?: SelfReviewGround | undefined;
  /** Writes that belong with the new revision, in its transaction (see `ReviewCommand.alongside`). */
  alongside?: Alongside<Revision> | undefined;
};

/**
 * A record kind's `alongside` as the review flow calls it: with the stored revision turned into
 * the record's own shape (`recordOf` adds its reference fields).
 */
export function alongsideOf<V, R extends BaseRevision<V>>(
  alongside: Alongside<R> | undefined,
  recordOf: (revision: BaseRevision<V>) => R,
): Alongside<BaseRevision<V>> | undefined {
  return alongside === undefined ? undefined : (trx, revision) => alongside(trx, recordOf(revision));
}

/** How a record kind appends one revision for an action (its key, store, validation and presentation). */
export type ReviewAct<Ref, Values, Revision> = (
  db: Kysely<Database>,
  args: ReviewActionArgs<Ref, Revision>,
  action: ReviewAction,
  extra: { values?: Values | undefined; reason?: string | null },
) => Promise<Revision>;

/**
 * The five review actions of a record kind, all going through the kind's `act`:
 * - `saveDraft` saves (or re-saves) a draft; refused once submitted (under review) or approved (locked);
 * - `submit` submits the latest draft, or `values` given here, for review;
 * - `approve` approves the submitted revision and locks it (`note` is kept as the reason);
 * - `returnForCorrection` returns the submitted revision with a reason;
 * - `correctApproved` corrects an approved record with a reason; the correction goes back to review and the
 *   approved revision stays in force until the correction is approved.
 */
export function reviewActions<Ref, Values, Revision>(act: ReviewAct<Ref, Values, Revision>) {
  return {
    saveDraft: (
      db: Kysely<Database>,
      args: ReviewActionArgs<Ref, Revision> & { values: Values },
    ): Promise<Revision> => act(db, args, 'save_draft', { values: args.values }),
    submit: (
      db: Kysely<Database>,
      args: ReviewActionArgs<Ref, Revision> & { values?: Values },
    ): Promise<Revision> => act(db, args, 'submit', { values: args.values }),
    approve: (
      db: Kysely<Database>,
      args: ReviewActionArgs<Ref, Revision> & { note?: string },
    ): Promise<Revision> => act(db, args, 'approve', { reason: args.note ?? null }),
    returnForCorrection: (
      db: Kysely<Database>,
      args: ReviewActionArgs<Ref, Revision> & { reason: string },
    ): Promise<Revision> => act(db, args, 'return', { reason: args.reason }),
    correctApproved: (
      db: Kysely<Database>,
      args: ReviewActionArgs<Ref, Revision> & { values: Values; reason: string },
    ): Promise<Revision> => act(db, args, 'correct', { values: args.values, reason: args.reason }),
  };
}
