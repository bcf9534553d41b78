import type { Expression, Kysely } from 'kysely';
import { ConflictError, InvalidInputError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ReviewAction, ReviewStatus } from '../../schema/monitoring-tables.schema.js';
import { isUniqueViolation } from '../../support/db-errors.js';
import { groupedWriteTransaction } from '../../support/group-commit.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAuditOfPlan } from '../audit/audit.repository.js';
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

/** The bookkeeping columns every revision table stores, as a revision's row spells them. */
export function revisionMetaColumns(r: RevisionMeta) {
  return {
    status: r.status,
    action: r.action,
    reason: r.reason,
    created_at: r.createdAt,
    created_by: r.createdBy,
    idempotency_key: r.idempotencyKey,
    supersedes_id: r.supersedesId,
    self_reviewed: r.selfReviewed ? (1 as const) : (0 as const),
  };
}

/** A stored revision: its key, bookkeeping and the values it records (`V`). */
export type Revision<V> = RevisionMeta & { key: string; values: V };

/**
 * How the review flow reads and appends revisions of one kind of record. Implemented by the
 * observation and progress-report repositories; the flow itself does not know their columns.
 */
export type RevisionStore<V> = {
  /** Audit entity name (`observation`, `progress_report`). */
  entity: string;
  /**
   * The revision an idempotency key produced (`earlier`) and the latest revision of the record, in
   * one statement: the two reads a review action needs cost one round trip.
   */
  lookUp(
    db: Kysely<Database>,
    key: string,
    idempotencyKey: string | null,
  ): Promise<{ earlier: Revision<V> | undefined; latest: Revision<V> | undefined }>;
  /**
   * Appends the revision unless its (key, revision number) or its idempotency key is taken, and
   * says whether it did: a taken key is an answer, not an error, so a grouped transaction on
   * PostgreSQL is not aborted by it (it would have to run again unit by unit).
   */
  insert(db: Kysely<Database>, revision: Revision<V>): Promise<boolean>;
  /** The plan the record belongs to, for the audit log: a scalar subquery, read as the record is audited. */
  planId(db: Kysely<Database>): Expression<string | null>;
};

/**
 * Splits the rows of a {@link RevisionStore.lookUp} statement (the idempotency key's row, if any,
 * and the record's newest revision) into its answer. The key's row may itself be a revision of the
 * same record, so the newest row of the record wins as `latest`.
 */
export function lookUpAnswer<Row extends { revision_no: number; idempotency_key: string | null }, V>(
  rows: readonly Row[],
  isOfRecord: (row: Row) => boolean,
  idempotencyKey: string | null,
  toRevision: (row: Row) => Revision<V>,
): { earlier: Revision<V> | undefined; latest: Revision<V> | undefined } {
  const [latest] = rows.filter(isOfRecord).sort((a, b) => b.revision_no - a.revision_no);
  const earlier = rows.find((r) => idempotencyKey !== null && r.idempotency_key === idempotencyKey);
  return {
    earlier: earlier === undefined ? undefined : toRevision(earlier),
    latest: latest === undefined ? undefined : toRevision(latest),
  };
}

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
 * Round trips: a new record is one INSERT that the unique keys refuse when the record or the
 * idempotency key exists (only then is anything read); any other action reads the idempotency key
 * and the latest revision in one statement, then inserts; the audit record joins its group's
 * multi-row INSERT (review-flow-statements.int.test.ts pins the counts).
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
      // A new record (expectedRevision 0) needs nothing read: its revision follows from the command,
      // and the unique keys refuse it when the record or the idempotency key already exists, in
      // which case the reads below tell a replay from a stale revision. One statement in all.
      const fresh = command.expectedRevision === 0 ? await firstRevision(trx, store, command) : undefined;
      if (fresh !== undefined && (await store.insert(trx, fresh.revision))) {
        return recorded(trx, store, command, fresh);
      }
      const { earlier, latest } = await store.lookUp(trx, command.key, idempotencyKey);
      if (earlier !== undefined) return replay(earlier, command);
      const current = latest?.revisionNo ?? 0;
      if (command.expectedRevision !== current) throw staleRevisionError(command.expectedRevision, current);
      const next = await nextRevision(trx, store, command, latest);
      if (await store.insert(trx, next.revision)) return recorded(trx, store, command, next);
      // Another writer took the revision number or the idempotency key since the read (PostgreSQL,
      // READ COMMITTED: the insert waited for it to commit, so a fresh read sees it).
      const after = await store.lookUp(trx, command.key, idempotencyKey);
      if (after.earlier !== undefined) return replay(after.earlier, command);
      throw staleRevisionError(command.expectedRevision, after.latest?.revisionNo ?? current + 1);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another writer won a race the checks above could not see.
    const { earlier, latest } = await store.lookUp(db, command.key, idempotencyKey);
    if (earlier !== undefined) return replay(earlier, command);
    throw staleRevisionError(command.expectedRevision, latest?.revisionNo ?? 0);
  }
}

/** A revision to append, with the plan lookup its audit record uses. */
type Next<V> = { revision: Revision<V>; planId: Expression<string | null> };

/**
 * The first revision of a record, as the command alone defines it; undefined when the command
 * cannot create one (an approval of nothing, a submission without values): the ordinary path,
 * which reads first, then answers with the right refusal (or the replay an idempotency key asks for).
 */
async function firstRevision<V>(
  trx: Kysely<Database>,
  store: RevisionStore<V>,
  command: ReviewCommand<V>,
): Promise<Next<V> | undefined> {
  try {
    return await nextRevision(trx, store, command, undefined);
  } catch (error) {
    if (error instanceof ConflictError || error instanceof InvalidInputError) return undefined;
    throw error;
  }
}

/** The revision the command appends after `latest`, or the refusal of the transition. */
async function nextRevision<V>(
  trx: Kysely<Database>,
  store: RevisionStore<V>,
  command: ReviewCommand<V>,
  latest: Revision<V> | undefined,
): Promise<Next<V>> {
  const current = latest?.revisionNo ?? 0;
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
    idempotencyKey: command.idempotencyKey ?? null,
    supersedesId: latest?.id ?? null,
    selfReviewed,
    values,
  };
  return { revision, planId };
}

/** After the revision is appended: its audit record, then the command's own writes. */
async function recorded<V>(
  trx: Kysely<Database>,
  store: RevisionStore<V>,
  command: ReviewCommand<V>,
  { revision, planId }: Next<V>,
): Promise<Revision<V>> {
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
        status: revision.status,
        reason: revision.reason,
        ...(revision.selfReviewed ? { selfReviewed: true } : {}),
      },
    },
    planId,
  );
  return command.alongside === undefined ? revision : await command.alongside(trx, revision);
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
