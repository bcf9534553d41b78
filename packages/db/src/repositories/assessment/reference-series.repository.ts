import type { Kysely } from 'kysely';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ReferenceKind } from '../../schema/reference-tables.schema.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../support/db-errors.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';

/** A reference series (参照值) of a plan. */
export type ReferenceSeriesRow = {
  id: string;
  planId: string;
  key: string;
  name: string;
  unit: string | null;
  scope: string | null;
  source: string | null;
  kind: ReferenceKind;
  createdAt: string;
  createdBy: string;
};

/** One stored value of a series; the highest `revisionNo` of a period is the one in force. */
export type ReferenceValueRow = {
  id: string;
  seriesId: string;
  period: string;
  revisionNo: number;
  value: number | null;
  valueText: string | null;
  estimated: boolean;
  source: string | null;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
};

/** A series with its values in force (one per period, ascending), what they replaced, and its links. */
export type ReferenceSeriesWithValues = ReferenceSeriesRow & {
  values: ReferenceValueRow[];
  superseded: ReferenceValueRow[];
  linkedIndicatorKeys: string[];
};

export type NewReferenceSeries = {
  planId: string;
  key: string;
  name: string;
  unit?: string | null;
  scope?: string | null;
  source?: string | null;
  kind: ReferenceKind;
  actor: string;
};

/** Creates a series, audited in the same transaction; a key already used in the plan is a conflict. */
export async function createReferenceSeries(
  db: Kysely<Database>,
  input: NewReferenceSeries,
): Promise<ReferenceSeriesRow> {
  const row: ReferenceSeriesRow = {
    id: newId(),
    planId: input.planId,
    key: input.key,
    name: input.name,
    unit: input.unit ?? null,
    scope: input.scope ?? null,
    source: input.source ?? null,
    kind: input.kind,
    createdAt: nowIso(),
    createdBy: input.actor,
  };
  try {
    await writeTransaction(db, async (trx) => {
      await trx
        .insertInto('reference_series')
        .values({
          id: row.id,
          plan_id: row.planId,
          series_key: row.key,
          name: row.name,
          unit: row.unit,
          scope: row.scope,
          source: row.source,
          kind: row.kind,
          created_at: row.createdAt,
          created_by: row.createdBy,
        })
        .execute();
      await appendAudit(trx, {
        actor: input.actor,
        action: 'reference_series.created',
        entity: 'reference_series',
        entityId: row.id,
        planId: row.planId,
        detail: { key: row.key, name: row.name, kind: row.kind, unit: row.unit, scope: row.scope },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('duplicate', {
        zh: `本规划已有键为“${input.key}”的参照值序列。`,
        en: `The plan already has a reference series with the key "${input.key}".`,
      });
    }
    if (isForeignKeyViolation(error)) throw noSuchPlan(input.planId);
    throw error;
  }
  return row;
}

export type NewReferenceValue = {
  seriesId: string;
  /** A year, `2026`. */
  period: string;
  value: number | null;
  valueText?: string | null;
  estimated?: boolean;
  source?: string | null;
  /** Required for a correction (a period that already has a value). */
  note?: string | null;
  actor: string;
};

/**
 * Appends a value of a series for one period. A period that already has one gets a new revision
 * (a correction, which must say why); nothing is overwritten. Audited in the same transaction.
 */
export async function addReferenceValue(
  db: Kysely<Database>,
  input: NewReferenceValue,
): Promise<ReferenceValueRow> {
  if (!/^\d{4}$/.test(input.period)) {
    throw new InvalidInputError({
      zh: `参照值期间须为年份（如 2026）：${input.period}`,
      en: `A reference value's period must be a year (e.g. 2026): ${input.period}`,
    });
  }
  if (input.value !== null && !Number.isFinite(input.value)) {
    throw new InvalidInputError({ zh: '参照值必须是有限数值。', en: 'The value must be a finite number.' });
  }
  if (input.value === null && (input.valueText ?? '').trim() === '') {
    throw new InvalidInputError({
      zh: '参照值须填写数值或原文。',
      en: 'A reference value needs a number or the text as published.',
    });
  }
  try {
    return await writeTransaction(db, async (trx) => {
      const series = await trx
        .selectFrom('reference_series')
        .select(['id', 'plan_id'])
        .where('id', '=', input.seriesId)
        .executeTakeFirst();
      if (series === undefined) throw noSuchSeries(input.seriesId);
      const last = await trx
        .selectFrom('reference_values')
        .select((eb) => eb.fn.max('revision_no').as('m'))
        .where('series_id', '=', input.seriesId)
        .where('period', '=', input.period)
        .executeTakeFirst();
      const previous = last?.m ?? 0;
      const note = input.note?.trim() ?? '';
      if (previous > 0 && note === '') {
        throw new InvalidInputError({
          zh: `${input.period}年已有参照值；更正须说明原因（note）。`,
          en: `${input.period} already has a value; a correction must give its reason (note).`,
        });
      }
      const row: ReferenceValueRow = {
        id: newId(),
        seriesId: input.seriesId,
        period: input.period,
        revisionNo: previous + 1,
        value: input.value,
        valueText: input.valueText ?? null,
        estimated: input.estimated ?? false,
        source: input.source ?? null,
        note: note === '' ? null : note,
        recordedAt: nowIso(),
        recordedBy: input.actor,
      };
      await trx
        .insertInto('reference_values')
        .values({
          id: row.id,
          series_id: row.seriesId,
          period: row.period,
          revision_no: row.revisionNo,
          value: row.value,
          value_text: row.valueText,
          estimated: row.estimated ? 1 : 0,
          source: row.source,
          note: row.note,
          recorded_at: row.recordedAt,
          recorded_by: row.recordedBy,
        })
        .execute();
      await appendAudit(trx, {
        actor: input.actor,
        action: previous > 0 ? 'reference_value.corrected' : 'reference_value.added',
        entity: 'reference_series',
        entityId: input.seriesId,
        planId: series.plan_id,
        detail: { period: row.period, revisionNo: row.revisionNo, value: row.value, note: row.note },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('stale-revision', {
        zh: '另一位用户刚刚录入了同一期间的参照值，请刷新后重试。',
        en: 'Someone else just recorded a value for the same period; reload and try again.',
      });
    }
    throw error;
  }
}

/**
 * Links an indicator (by its stable key, so the link survives new plan versions) to a series of
 * the same plan, replacing any previous link; `seriesId: null` removes the link. Audited.
 */
export async function linkIndicatorToSeries(
  db: Kysely<Database>,
  input: { indicatorId: string; seriesId: string | null; actor: string },
): Promise<{ planId: string; indicatorKey: string; seriesId: string | null }> {
  return writeTransaction(db, async (trx) => {
    const indicator = await trx
      .selectFrom('indicators')
      .select(['plan_id', 'indicator_key'])
      .where('id', '=', input.indicatorId)
      .executeTakeFirst();
    if (indicator === undefined) {
      throw new NotFoundError({
        zh: `指标不存在：${input.indicatorId}`,
        en: `No such indicator: ${input.indicatorId}`,
      });
    }
    if (input.seriesId !== null) {
      const series = await trx
        .selectFrom('reference_series')
        .select('plan_id')
        .where('id', '=', input.seriesId)
        .executeTakeFirst();
      if (series === undefined || series.plan_id !== indicator.plan_id) throw noSuchSeries(input.seriesId);
    }
    const before = await trx
      .selectFrom('indicator_reference_links')
      .select(['id', 'series_id'])
      .where('plan_id', '=', indicator.plan_id)
      .where('indicator_key', '=', indicator.indicator_key)
      .executeTakeFirst();
    if (before !== undefined) {
      await trx.deleteFrom('indicator_reference_links').where('id', '=', before.id).execute();
    }
    if (input.seriesId !== null) {
      await trx
        .insertInto('indicator_reference_links')
        .values({
          id: newId(),
          plan_id: indicator.plan_id,
          indicator_key: indicator.indicator_key,
          series_id: input.seriesId,
          linked_at: nowIso(),
          linked_by: input.actor,
        })
        .execute();
    }
    await appendAudit(trx, {
      actor: input.actor,
      action: input.seriesId === null ? 'reference_series.unlinked' : 'reference_series.linked',
      entity: 'indicator',
      entityId: input.indicatorId,
      planId: indicator.plan_id,
      detail: {
        indicatorKey: indicator.indicator_key,
        before: before?.series_id ?? null,
        after: input.seriesId,
      },
    });
    return { planId: indicator.plan_id, indicatorKey: indicator.indicator_key, seriesId: input.seriesId };
  });
}

/** Every series of a plan with its values and linked indicator keys (three queries, whatever the size). */
export async function listReferenceSeries(
  db: Kysely<Database>,
  planId: string,
): Promise<ReferenceSeriesWithValues[]> {
  const series = await db
    .selectFrom('reference_series')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (series.length === 0) return [];
  const ids = series.map((s) => s.id);
  const values = await db
    .selectFrom('reference_values')
    .selectAll()
    .where('series_id', 'in', ids)
    .orderBy('period')
    .orderBy('revision_no')
    .execute();
  const links = await db
    .selectFrom('indicator_reference_links')
    .select(['series_id', 'indicator_key'])
    .where('plan_id', '=', planId)
    .orderBy('indicator_key')
    .execute();
  return series.map((s) => {
    const rows = values.filter((v) => v.series_id === s.id).map(toValueRow);
    const { current, superseded } = splitCurrent(rows);
    return {
      id: s.id,
      planId: s.plan_id ?? planId,
      key: s.series_key,
      name: s.name,
      unit: s.unit,
      scope: s.scope,
      source: s.source,
      kind: s.kind,
      createdAt: s.created_at,
      createdBy: s.created_by,
      values: current,
      superseded,
      linkedIndicatorKeys: links.filter((l) => l.series_id === s.id).map((l) => l.indicator_key),
    };
  });
}

/**
 * The series linked to indicators of a plan, by indicator key, with their values in force — what
 * an assessment of the plan compares relative and external targets with. Two queries.
 */
export async function linkedReferenceSeries(
  db: Kysely<Database>,
  planId: string,
): Promise<Map<string, ReferenceSeriesRow & { values: ReferenceValueRow[] }>> {
  const links = await db
    .selectFrom('indicator_reference_links as l')
    .innerJoin('reference_series as s', 's.id', 'l.series_id')
    .selectAll('s')
    .select('l.indicator_key')
    .where('l.plan_id', '=', planId)
    .execute();
  const out = new Map<string, ReferenceSeriesRow & { values: ReferenceValueRow[] }>();
  if (links.length === 0) return out;
  const seriesIds = [...new Set(links.map((l) => l.id))];
  const values = (
    await db
      .selectFrom('reference_values')
      .selectAll()
      .where('series_id', 'in', seriesIds)
      .orderBy('period')
      .orderBy('revision_no')
      .execute()
  ).map(toValueRow);
  for (const l of links) {
    out.set(l.indicator_key, {
      id: l.id,
      planId: l.plan_id ?? planId,
      key: l.series_key,
      name: l.name,
      unit: l.unit,
      scope: l.scope,
      source: l.source,
      kind: l.kind,
      createdAt: l.created_at,
      createdBy: l.created_by,
      values: splitCurrent(values.filter((v) => v.seriesId === l.id)).current,
    });
  }
  return out;
}

/** Rows ordered by period then revision: the last of each period is in force. */
function splitCurrent(rows: readonly ReferenceValueRow[]): {
  current: ReferenceValueRow[];
  superseded: ReferenceValueRow[];
} {
  const current: ReferenceValueRow[] = [];
  const superseded: ReferenceValueRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (rows[i + 1]?.period === row.period) superseded.push(row);
    else current.push(row);
  }
  return { current, superseded };
}

function toValueRow(r: {
  id: string;
  series_id: string;
  period: string;
  revision_no: number;
  value: number | null;
  value_text: string | null;
  estimated: number;
  source: string | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
}): ReferenceValueRow {
  return {
    id: r.id,
    seriesId: r.series_id,
    period: r.period,
    revisionNo: r.revision_no,
    value: r.value,
    valueText: r.value_text,
    estimated: r.estimated === 1,
    source: r.source,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

function noSuchPlan(planId: string): NotFoundError {
  return new NotFoundError({ zh: `规划不存在：${planId}`, en: `No such plan: ${planId}` });
}

function noSuchSeries(seriesId: string): NotFoundError {
  return new NotFoundError({
    zh: `参照值序列不存在：${seriesId}`,
    en: `No such reference series: ${seriesId}`,
  });
}
