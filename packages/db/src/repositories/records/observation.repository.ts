import type { Insertable, Kysely, Selectable } from 'kysely';
import { type QualityFlag, RECORD_KIND_DESCRIPTORS, toHalfWidth } from '@plantrack/core';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ObservationsTable } from '../../schema/monitoring-tables.schema.js';
import { isForeignKeyViolation } from '../../support/db-errors.js';
import { reusableQuery } from '../../support/reusable-query.js';
import { checkPeriod, evidenceFromJson, evidenceToJson } from './period.js';
import type { ReviewAction } from '../../schema/monitoring-tables.schema.js';
import {
  type Revision,
  type RevisionStore,
  applyReview,
  lookUpAnswer,
  revisionMetaColumns,
} from './review-flow.js';
import { type ReviewActionArgs, alongsideOf, reviewActions } from './review-actions.js';

/** Which observation: indicator (stable id) × period × scope (口径; empty for the default scope). */
export type ObservationRef = { indicatorId: string; period: string; scope?: string | null };

/** What an observation records. */
export type ObservationValues = {
  value: number | null;
  /** The value as written when it is not (only) a number: `*`, `完成省下达指标`, `12.5（初步）`. */
  valueText?: string | null;
  unit?: string | null;
  estimated?: boolean;
  source?: string | null;
  comment?: string | null;
  /** Ids of evidence files. */
  evidence?: readonly string[];
};

/** One stored revision of an observation. */
export type ObservationRevision = Revision<Required<ObservationValues>> & {
  indicatorId: string;
  period: string;
  scope: string;
  /** The data-quality flags stored when it entered review; read by {@link history} only. */
  qualityFlags?: QualityFlag[];
};

/** The key of an observation across its revisions: `indicatorId|period|scope`. */
export function observationKeyOf(ref: ObservationRef): string {
  return `${ref.indicatorId}|${checkPeriod(ref.period)}|${normalizeScope(ref.scope)}`;
}

function normalizeScope(scope: string | null | undefined): string {
  return toHalfWidth(scope ?? '').trim();
}

/** Save, submit, approve, return and correct, each appending one revision (see `reviewActions`). */
export const { saveDraft, submit, approve, returnForCorrection, correctApproved } = reviewActions<
  ObservationRef,
  ObservationValues,
  ObservationRevision
>(act);

async function act(
  db: Kysely<Database>,
  args: ReviewActionArgs<ObservationRef, ObservationRevision>,
  action: ReviewAction,
  extra: { values?: ObservationValues | undefined; reason?: string | null },
): Promise<ObservationRevision> {
  const key = observationKeyOf(args.ref);
  const scope = normalizeScope(args.ref.scope);
  const store = observationStore(args.ref.indicatorId, args.ref.period, scope);
  const recordOf = (revision: Revision<Required<ObservationValues>>): ObservationRevision => ({
    ...revision,
    indicatorId: args.ref.indicatorId,
    period: args.ref.period,
    scope,
  });
  try {
    const revision = await applyReview(db, store, {
      key,
      action,
      expectedRevision: args.expectedRevision,
      actor: args.actor,
      reason: extra.reason ?? null,
      idempotencyKey: args.idempotencyKey ?? null,
      selfReview: args.selfReview,
      alongside: alongsideOf(args.alongside, recordOf),
      ...(extra.values === undefined ? {} : { values: complete(extra.values) }),
    });
    return recordOf(revision);
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    throw new NotFoundError({
      zh: `指标不存在：${args.ref.indicatorId}`,
      en: `No such indicator: ${args.ref.indicatorId}`,
    });
  }
}

function complete(values: ObservationValues): Required<ObservationValues> {
  if (values.value !== null && !Number.isFinite(values.value)) {
    throw new InvalidInputError({ zh: '监测值必须是有限数值。', en: 'The value must be a finite number.' });
  }
  return {
    value: values.value,
    valueText: values.valueText ?? null,
    unit: values.unit ?? null,
    estimated: values.estimated ?? false,
    source: values.source ?? null,
    comment: values.comment ?? null,
    evidence: [...(values.evidence ?? [])],
  };
}

/**
 * Every revision of an observation, oldest first, each with the data-quality flags stored when it
 * entered review (read in the same query: a history is read far more often than written).
 */
export async function history(
  db: Kysely<Database>,
  refOrKey: ObservationRef | string,
): Promise<ObservationRevision[]> {
  const key = typeof refOrKey === 'string' ? refOrKey : observationKeyOf(refOrKey);
  const rows = await db
    .selectFrom('observations as o')
    .leftJoin('observation_quality_flags as q', 'q.revision_id', 'o.id')
    .selectAll('o')
    .select('q.flags_json')
    .where('o.observation_key', '=', key)
    .orderBy('o.revision_no', 'asc')
    .execute();
  return rows.map(({ flags_json, ...row }) =>
    flags_json === null
      ? toRevision(row)
      : { ...toRevision(row), qualityFlags: JSON.parse(flags_json) as QualityFlag[] },
  );
}

/** The latest revision of an observation, whatever its status. */
export async function latest(
  db: Kysely<Database>,
  ref: ObservationRef,
): Promise<ObservationRevision | undefined> {
  const row = await latestRow(db, observationKeyOf(ref));
  return row === undefined ? undefined : toRevision(row);
}

/** The value in force: the latest approved revision, if any. */
export async function inForce(
  db: Kysely<Database>,
  ref: ObservationRef,
): Promise<ObservationRevision | undefined> {
  const row = await db
    .selectFrom('observations')
    .selectAll()
    .where('observation_key', '=', observationKeyOf(ref))
    .where('status', '=', 'approved')
    .orderBy('revision_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : toRevision(row);
}

function latestRow(db: Kysely<Database>, key: string): Promise<Selectable<ObservationsTable> | undefined> {
  return db
    .selectFrom('observations')
    .selectAll()
    .where('observation_key', '=', key)
    .orderBy('revision_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function observationStore(
  indicatorId: string,
  period: string,
  scope: string,
): RevisionStore<Required<ObservationValues>> {
  return {
    entity: RECORD_KIND_DESCRIPTORS.observation.stored.auditEntity,
    lookUp: async (db, key, idempotencyKey) => {
      const newest = db
        .selectFrom('observations')
        .selectAll()
        .where('observation_key', '=', key)
        .where('revision_no', '=', (eb) =>
          eb
            .selectFrom('observations')
            .select((e) => e.fn.max('revision_no').as('m'))
            .where('observation_key', '=', key),
        );
      const rows = await (
        idempotencyKey === null
          ? newest
          : db
              .selectFrom('observations')
              .selectAll()
              .where('idempotency_key', '=', idempotencyKey)
              .unionAll(newest)
      ).execute();
      return lookUpAnswer(rows, (r) => r.observation_key === key, idempotencyKey, toRevision);
    },
    insert: async (db, r) => {
      const inserted = await insertRevision(db, {
        id: r.id,
        observation_key: r.key,
        revision_no: r.revisionNo,
        indicator_id: indicatorId,
        period,
        scope,
        value: r.values.value,
        value_text: r.values.valueText,
        unit: r.values.unit,
        estimated: r.values.estimated ? 1 : 0,
        source: r.values.source,
        comment: r.values.comment,
        evidence_json: evidenceToJson(r.values.evidence),
        ...revisionMetaColumns(r),
      });
      return inserted.length === 1;
    },
    planId: (db) => db.selectFrom('indicators').select('plan_id').where('id', '=', indicatorId).$asScalar(),
  };
}

/** The columns of a revision's row, every one given: the insert is compiled once (reusable-query.ts). */
const OBSERVATION_COLUMNS = [
  'id',
  'observation_key',
  'revision_no',
  'indicator_id',
  'period',
  'scope',
  'value',
  'value_text',
  'unit',
  'estimated',
  'source',
  'comment',
  'evidence_json',
  'status',
  'action',
  'reason',
  'created_at',
  'created_by',
  'idempotency_key',
  'supersedes_id',
  'self_reviewed',
] as const satisfies readonly (keyof ObservationsTable)[];
type ObservationRow = {
  [C in (typeof OBSERVATION_COLUMNS)[number]]-?: Exclude<Insertable<ObservationsTable>[C], undefined>;
};

/** A taken revision number or idempotency key inserts no row, and the flow reads why (review-flow.ts). */
const insertRevision = reusableQuery(
  (db, row: ObservationRow) =>
    db
      .insertInto('observations')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning('id'),
  OBSERVATION_COLUMNS,
);

function toRevision(row: Selectable<ObservationsTable>): ObservationRevision {
  return {
    id: row.id,
    key: row.observation_key,
    revisionNo: row.revision_no,
    status: row.status,
    action: row.action,
    reason: row.reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    idempotencyKey: row.idempotency_key,
    supersedesId: row.supersedes_id,
    selfReviewed: row.self_reviewed === 1,
    indicatorId: row.indicator_id,
    period: row.period,
    scope: row.scope,
    values: {
      value: row.value,
      valueText: row.value_text,
      unit: row.unit,
      estimated: row.estimated === 1,
      source: row.source,
      comment: row.comment,
      evidence: evidenceFromJson(row.evidence_json),
    },
  };
}

/** The revision an idempotency key produced, if any (to tell a replayed upload from a new one). */
export async function byIdempotencyKey(
  db: Kysely<Database>,
  idempotencyKey: string,
): Promise<ObservationRevision | undefined> {
  const row = await db
    .selectFrom('observations')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row === undefined ? undefined : toRevision(row);
}
