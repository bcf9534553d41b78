import type { Expression, Kysely } from 'kysely';
import { ConflictError, InvalidInputError } from '../errors.js';
import type { Database } from '../schema/database.schema.js';
import type { ReviewAction, ReviewStatus } from '../schema/monitoring-tables.schema.js';
import { isUniqueViolation } from '../support/db-errors.js';
import { groupedWriteTransaction } from '../support/group-commit.js';
import { newId, nowIso } from '../support/ids.js';
import { appendAuditOfPlan } from './audit.repository.js';
import { type SelfReviewGround, checkFourEyes } from './four-eyes.js';
import { nextReviewStatus, staleRevisionError } from './review-transitions.js';

/** The bookkeeping every revision carries, whatever it records. */
export type RevisionMeta = {
  id: string;
  revisionNo: number;
  status: ReviewStatus;
  action: ReviewAction;
  reason: string | null;
  createdAt: string;
  createdBy: string;
  idempotencyKey: string | null;
  supersedesId: string | null;
  /** An approval or return by the revision's own submitter, allowed by the plan's setting (four-eyes.ts). */
  selfReviewed: boolean;
};

/** A stored revision: its key, bookkeeping and the values it records (`V`). */
export type Revision<V> = RevisionMeta & { key: string; values: V };

/**
 * How the review flow reads and appends revisions of one kind of record. Implemented by the
 * observation and progress-report repositories; the flow itself does not know their columns.
 */
export type RevisionStore<V> = {
  /** Audit entity name (`observation`, `progress_report`). */
  entity: string;
  latest(db: Kysely<Database>, key: string): Promise<Revision<V> | undefined>;
  byIdempotencyKey(db: Kysely<Database>, idempotencyKey: string): Promise<Revision<V> | undefined>;
  insert(db: Kysely<Database>, revision: Revision<V>): Promise<void>;
  /** The plan the record belongs to, for the audit log: a scalar subquery, read as the record is audited. */
  planId(db: Kysely<Database>): Expression<string | null>;
};

/** One review action on one record. */
export type ReviewCommand<V> = {
  key: string;
  action: ReviewAction;
  /** The revision the caller last saw; 0 when the record does not exist yet. */
  expectedRevision: number;
  actor: string;
  reason?: string | null;
  /** New values; when omitted, the latest revision's values are carried over. */
  values?: V;
  /** A retried command with the same key returns the first result and writes nothing. */
  idempotencyKey?: string | null;
  /** Why the actor may decide a revision they submitted themselves (none: they may not; four-eyes.ts). */
  selfReview?: SelfReviewGround | undefined;
  /**
   * Writes that belong with the new revision, made in its transaction after the revision and its
   * audit record (observations: their data-quality flags). Returns the revision as the caller is
   * to see it. Not run when a retried command replays an earlier revision.
   */
  alongside?: Alongside<Revision<V>> | undefined;
};

/** See {@link ReviewCommand.alongside}. */
export type Alongside<R> = (trx: Kysely<Database>, revision: R) => Promise<R>;

/**
 * Applies a review action by appending one revision, in one write transaction with its audit
 * record (shared with the actions that arrive at the same moment: support/group-commit.ts).
 * Optimistic concurrency: the caller's `expectedRevision` must be the latest, and the unique
 * (key, revision_no) constraint catches writers that race past the check. Idempotency: a known
 * `idempotencyKey` returns the revision it produced, also when the retry raced the original.
 * Four-eyes: an approval or return by the submitter of the revision it decides is refused unless
 * `selfReview` gives a ground the store accepts, checked here, in the writing transaction, so that
 * no route, batch or grouped commit passes by it.
 */
export async function applyReview<V>(
  db: Kysely<Database>,
  store: RevisionStore<V>,
  command: ReviewCommand<V>,
): Promise<Revision<V>> {
  if (!Number.isInteger(command.expectedRevision) || command.expectedRevision < 0) {
    throw new InvalidInputError({
      zh: 'expectedRevision 必须是非负整数。',
      en: 'expectedRevision must be a non-negative integer.',
    });
  }
  const idempotencyKey = command.idempotencyKey ?? null;
  try {
    return await groupedWriteTransaction(db, async (trx) => {
      if (idempotencyKey !== null) {
        const earlier = await store.byIdempotencyKey(trx, idempotencyKey);
        if (earlier !== undefined) return replay(earlier, command);
      }
      const latest = await store.latest(trx, command.key);
      const current = latest?.revisionNo ?? 0;
      if (command.expectedRevision !== current) throw staleRevisionError(command.expectedRevision, current);
      const reason = command.reason?.trim() || null;
      const status = nextReviewStatus({
        current: latest?.status ?? null,
        action: command.action,
        hasValues: command.values !== undefined,
        reason,
        currentRevision: current,
      });
      const planId = store.planId(trx);
      const selfReviewed = await checkFourEyes(trx, { ...command, planId }, latest);
      const values = command.values ?? latest?.values;
      if (values === undefined) {
        throw new InvalidInputError({ zh: '缺少填报内容。', en: 'The values to record are missing.' });
      }
      const revision: Revision<V> = {
        id: newId(),
        key: command.key,
        revisionNo: current + 1,
        status,
        action: command.action,
        reason,
        createdAt: nowIso(),
        createdBy: command.actor,
        idempotencyKey,
        supersedesId: latest?.id ?? null,
        selfReviewed,
        values,
      };
      await store.insert(trx, revision);
      await appendAuditOfPlan(
        trx,
        {
          actor: command.actor,
          action: `${store.entity}.${command.action}`,
          entity: store.entity,
          entityId: command.key,
          detail: {
            revisionId: revision.id,
            revisionNo: revision.revisionNo,
            status,
            reason,
            ...(selfReviewed ? { selfReviewed } : {}),
          },
        },
        planId,
      );
      return command.alongside === undefined ? revision : await command.alongside(trx, revision);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another writer won a race the checks above could not see (PostgreSQL, READ COMMITTED).
    if (idempotencyKey !== null) {
      const earlier = await store.byIdempotencyKey(db, idempotencyKey);
      if (earlier !== undefined) return replay(earlier, command);
    }
    const latest = await store.latest(db, command.key);
    throw staleRevisionError(command.expectedRevision, latest?.revisionNo ?? 0);
  }
}

function replay<V>(earlier: Revision<V>, command: ReviewCommand<V>): Revision<V> {
  if (earlier.key === command.key && earlier.action === command.action) return earlier;
  throw new ConflictError(
    'idempotency-key-reused',
    {
      zh: '该幂等键已用于另一项操作，请为新的请求使用新的幂等键。',
      en: 'This idempotency key was used for another operation; use a new key for a new request.',
    },
    earlier.revisionNo,
  );
}
