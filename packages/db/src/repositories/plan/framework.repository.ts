import { parseTarget } from '@plantrack/core';
import type { Kysely, Updateable } from 'kysely';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { IndicatorVersionsTable } from '../../schema/plan-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { latestVersionId } from './plan-query.repository.js';
import { updateSearchText } from '../search/search-index.js';

/** Fields of an indicator the planning office may correct after ingestion. */
export type IndicatorEdit = {
  name?: string;
  groupName?: string | null;
  unit?: string | null;
  attribute?: '预期性' | '约束性' | null;
  direction?: 'higher' | 'lower' | null;
  /** The target as written; its parsed form is recomputed with the target grammar. */
  targetText?: string;
  scope?: string | null;
};

const COLUMNS = {
  name: 'name',
  groupName: 'group_name',
  unit: 'unit',
  attribute: 'attribute',
  direction: 'direction',
  targetText: 'target_text',
  scope: 'scope',
} as const satisfies Record<keyof IndicatorEdit, keyof IndicatorVersionsTable>;

/**
 * Edits an extracted indicator of a version. Every changed field is recorded in
 * `framework_edits` (who, when, before, after, why) and the audit log; the source span is kept.
 * `expectedEditNo` is the `editNo` the caller saw: a concurrent edit makes it stale (`ConflictError`).
 */
export async function editIndicator(
  db: Kysely<Database>,
  args: {
    indicatorVersionId: string;
    expectedEditNo: number;
    changes: IndicatorEdit;
    actor: string;
    reason?: string;
  },
): Promise<{ editNo: number; changedFields: string[] }> {
  return writeTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('indicator_versions as iv')
      .innerJoin('indicators as i', 'i.id', 'iv.indicator_id')
      .selectAll('iv')
      .select('i.plan_id')
      .where('iv.id', '=', args.indicatorVersionId)
      .executeTakeFirst();
    if (row === undefined) {
      throw new NotFoundError({
        zh: '指标不存在。',
        en: `No such indicator version: ${args.indicatorVersionId}`,
      });
    }
    if (row.edit_no !== args.expectedEditNo) throw staleEdit(row.edit_no);
    const next = {
      name: row.name,
      group_name: row.group_name,
      unit: row.unit,
      attribute: row.attribute,
      direction: row.direction,
      target_text: row.target_text,
      scope: row.scope,
    };
    const changed: string[] = [];
    const at = nowIso();
    for (const field of Object.keys(COLUMNS) as (keyof IndicatorEdit)[]) {
      const after = args.changes[field];
      const column = COLUMNS[field];
      if (after === undefined || after === row[column]) continue;
      if (field === 'name' || field === 'targetText') {
        if (typeof after !== 'string' || after.trim() === '') {
          throw new InvalidInputError({
            zh: '指标名称和目标值不能为空。',
            en: 'Name and target cannot be empty.',
          });
        }
      }
      Object.assign(next, { [column]: after });
      changed.push(column);
      await trx
        .insertInto('framework_edits')
        .values({
          id: newId(),
          plan_version_id: row.plan_version_id,
          entity: 'indicator_version',
          entity_id: row.id,
          field: column,
          before_json: JSON.stringify(row[column]),
          after_json: JSON.stringify(after),
          reason: args.reason ?? null,
          actor: args.actor,
          at,
        })
        .execute();
    }
    if (changed.length === 0) return { editNo: row.edit_no, changedFields: [] };
    const update: Updateable<IndicatorVersionsTable> = { ...next, edit_no: row.edit_no + 1 };
    if (changed.includes('target_text')) {
      const target = parseTarget(next.target_text, { unit: next.unit, indicatorName: next.name });
      update.target_json = JSON.stringify(target);
      update.target_kind = target.kind;
    }
    const result = await trx
      .updateTable('indicator_versions')
      .set(update)
      .where('id', '=', row.id)
      .where('edit_no', '=', row.edit_no)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw staleEdit(row.edit_no + 1);
    if ((await latestVersionId(trx, row.plan_id)) === row.plan_version_id) {
      await updateSearchText(trx, 'indicator', row.indicator_id, {
        title: next.name,
        body: [next.group_name, next.target_text, next.unit, next.scope].filter((x) => x !== null).join(' '),
      });
    }
    await appendAudit(trx, {
      actor: args.actor,
      action: 'indicator.edited',
      entity: 'indicator_version',
      entityId: row.id,
      planId: row.plan_id,
      detail: { fields: changed, reason: args.reason ?? null },
    });
    return { editNo: row.edit_no + 1, changedFields: changed };
  });
}

function staleEdit(current: number): ConflictError {
  return new ConflictError(
    'stale-revision',
    {
      zh: '该指标已被他人修改，请刷新后重试。',
      en: 'The indicator was edited meanwhile; reload and try again.',
    },
    current,
  );
}

/**
 * Links an indicator to the higher-level plan's indicator it serves (上位规划衔接), or unlinks it
 * with null. The parent must belong to another plan. Recorded as a framework edit.
 */
export async function linkIndicatorToParent(
  db: Kysely<Database>,
  args: { indicatorId: string; parentIndicatorId: string | null; actor: string; reason?: string },
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const indicator = await trx
      .selectFrom('indicators')
      .select(['plan_id', 'parent_indicator_id'])
      .where('id', '=', args.indicatorId)
      .executeTakeFirst();
    if (indicator === undefined) {
      throw new NotFoundError({ zh: '指标不存在。', en: `No such indicator: ${args.indicatorId}` });
    }
    if (args.parentIndicatorId !== null) {
      const parent = await trx
        .selectFrom('indicators')
        .select('plan_id')
        .where('id', '=', args.parentIndicatorId)
        .executeTakeFirst();
      if (parent === undefined) {
        throw new NotFoundError({
          zh: '上位指标不存在。',
          en: `No such indicator: ${args.parentIndicatorId}`,
        });
      }
      if (parent.plan_id === indicator.plan_id) {
        throw new InvalidInputError({
          zh: '上位指标必须属于另一部规划。',
          en: 'The higher-level indicator must belong to another plan.',
        });
      }
    }
    await trx
      .updateTable('indicators')
      .set({ parent_indicator_id: args.parentIndicatorId })
      .where('id', '=', args.indicatorId)
      .execute();
    await trx
      .insertInto('framework_edits')
      .values({
        id: newId(),
        plan_version_id: await latestVersionId(trx, indicator.plan_id),
        entity: 'indicator',
        entity_id: args.indicatorId,
        field: 'parent_indicator_id',
        before_json: JSON.stringify(indicator.parent_indicator_id),
        after_json: JSON.stringify(args.parentIndicatorId),
        reason: args.reason ?? null,
        actor: args.actor,
        at: nowIso(),
      })
      .execute();
    await appendAudit(trx, {
      actor: args.actor,
      action: 'indicator.linked',
      entity: 'indicator',
      entityId: args.indicatorId,
      planId: indicator.plan_id,
      detail: { parentIndicatorId: args.parentIndicatorId },
    });
  });
}

/** Framework edits of one record, oldest first. */
export async function listFrameworkEdits(db: Kysely<Database>, entity: string, entityId: string) {
  return db
    .selectFrom('framework_edits')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
