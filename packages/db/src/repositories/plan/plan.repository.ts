import { createHash } from 'node:crypto';
import type { Assignment, PlanModel } from '@plantrack/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { resolveDepartmentRef } from '../organisation/department.repository.js';
import {
  type ComparedIndicator,
  type ComparedTask,
  type IndicatorDiff,
  type TaskDiff,
  diffIndicators,
  diffTasks,
} from './plan-diff.js';
import { defaultPlanSlug, dedupeKeys, indicatorKeyOf, normalizeKey } from './plan-keys.js';
import {
  type KeyedTask,
  loadComparedIndicators,
  loadComparedTasks,
  writeVersionRows,
} from './plan-version.writer.js';

/** What {@link importPlanVersion} needs. */
export type ImportPlanVersionInput = {
  /** The plan to add a version to; defaults to region code and period (`320412-2026-2030`). */
  planSlug?: string;
  /** The model `ingestText` produced from `text`. */
  model: PlanModel;
  /** The decoded text the model's source spans point into. */
  text: string;
  fileName?: string | null;
  actor: string;
};

/** What an import did. `created` is false when the same text was imported before (nothing written). */
export type PlanImportResult = {
  planId: string;
  versionId: string;
  versionNo: number;
  created: boolean;
  /** Indicators added, removed and changed since the previous version, by `indicator_key`. */
  diff: IndicatorDiff;
  /** Tasks added, removed and re-assigned since the previous version, by `task_key`. */
  taskDiff: TaskDiff;
};

/**
 * Stores an ingested outline as a new version of its plan, in one transaction: the version (with
 * the text and the model), outline nodes, indicators, commitments, tasks with their lead and
 * co-lead departments (names resolved through the region's aliases), the search index and an
 * audit record. Indicators and tasks keep their identity across versions by key (normalised name;
 * normalised measure), so observations and progress reports carry over; the differences from the
 * previous version are returned and stored for the planning office to confirm.
 */
export async function importPlanVersion(
  db: Kysely<Database>,
  input: ImportPlanVersionInput,
): Promise<PlanImportResult> {
  const { model, actor } = input;
  const sha = createHash('sha256').update(input.text).digest('hex');
  const slug = input.planSlug ?? defaultPlanSlug(model.plan);
  return writeTransaction(db, async (trx) => {
    const planId = await upsertPlan(trx, slug, model, actor);
    const previous = await trx
      .selectFrom('plan_versions')
      .select(['id', 'version_no', 'text_sha256', 'diff_json'])
      .where('plan_id', '=', planId)
      .orderBy('version_no', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (previous !== undefined && previous.text_sha256 === sha) {
      return {
        planId,
        versionId: previous.id,
        versionNo: previous.version_no,
        created: false,
        diff: { added: [], removed: [], changed: [] },
        taskDiff: { added: [], removed: [], changed: [] },
      };
    }
    const regionCode = model.plan.regionCode ?? model.plan.region ?? '';
    const indicatorIds = await identityIds(
      trx,
      'indicators',
      planId,
      dedupeKeys(model.indicators.map(indicatorKeyOf)),
      actor,
    );
    const tasks = await keyTasks(trx, planId, regionCode, model.assignments, actor);
    const compared: ComparedIndicator[] = model.indicators.map((ind, i) => {
      const [key, indicatorId] = at(indicatorIds, i);
      return {
        key,
        indicatorId,
        seq: ind.seq,
        name: ind.name,
        groupName: ind.group,
        unit: ind.unit,
        attribute: ind.attribute,
        direction: ind.direction,
        targetText: ind.target.text,
        scope: ind.target.scope,
        baselineText: ind.baseline?.text ?? null,
      };
    });
    const comparedTasks: ComparedTask[] = tasks.map((t) => ({
      key: t.key,
      taskId: t.taskId,
      measure: t.assignment.measure,
      owners: t.owners.map((o) => (o.role === 'lead' ? o.canonical : `${o.canonical}（协办）`)),
    }));
    const diff = diffIndicators(previous ? await loadComparedIndicators(trx, previous.id) : [], compared);
    const taskDiff = diffTasks(previous ? await loadComparedTasks(trx, previous.id) : [], comparedTasks);

    const versionId = newId();
    const versionNo = (previous?.version_no ?? 0) + 1;
    await trx
      .insertInto('plan_versions')
      .values({
        id: versionId,
        plan_id: planId,
        version_no: versionNo,
        file_name: input.fileName ?? model.document.fileName,
        text_sha256: sha,
        source_text: input.text,
        model_version: model.modelVersion,
        model_json: JSON.stringify(model),
        diff_json: JSON.stringify({ indicators: diff, tasks: taskDiff }),
        created_at: nowIso(),
        created_by: actor,
      })
      .execute();
    const counts = await writeVersionRows(trx, { planId, versionId, model, indicatorIds, tasks });
    await appendAudit(trx, {
      actor,
      action: 'plan.version.imported',
      entity: 'plan_version',
      entityId: versionId,
      planId,
      detail: {
        versionNo,
        fileName: input.fileName ?? model.document.fileName,
        sha256: sha,
        counts,
        diff: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
      },
    });
    return { planId, versionId, versionNo, created: true, diff, taskDiff };
  });
}

function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`Index ${i} out of range`);
  return item;
}

async function upsertPlan(
  db: Kysely<Database>,
  slug: string,
  model: PlanModel,
  actor: string,
): Promise<string> {
  const meta = {
    title: model.plan.title,
    region: model.plan.region,
    region_code: model.plan.regionCode,
    level: model.plan.level,
    period_start: model.plan.periodStart,
    period_end: model.plan.periodEnd,
    baseline_year: model.plan.baselineYear,
  };
  const existing = await db.selectFrom('plans').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing !== undefined) {
    // The plan's descriptive fields follow its newest outline; versions keep what each said.
    await db.updateTable('plans').set(meta).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = newId();
  await db
    .insertInto('plans')
    .values({ id, slug, ...meta, parent_plan_id: null, created_at: nowIso(), created_by: actor })
    .execute();
  return id;
}

/** Finds or creates the identity rows of indicators or tasks; returns `[key, id]` in input order. */
async function identityIds(
  db: Kysely<Database>,
  table: 'indicators' | 'tasks',
  planId: string,
  keys: readonly string[],
  actor: string,
): Promise<[string, string][]> {
  const existing = new Map<string, string>();
  if (table === 'indicators') {
    const rows = await db
      .selectFrom('indicators')
      .select(['id', 'indicator_key'])
      .where('plan_id', '=', planId)
      .execute();
    for (const r of rows) existing.set(r.indicator_key, r.id);
  } else {
    const rows = await db
      .selectFrom('tasks')
      .select(['id', 'task_key'])
      .where('plan_id', '=', planId)
      .execute();
    for (const r of rows) existing.set(r.task_key, r.id);
  }
  const result: [string, string][] = [];
  for (const key of keys) {
    let id = existing.get(key);
    if (id === undefined) {
      id = newId();
      const common = { id, plan_id: planId, published: 0 as const, created_at: nowIso(), created_by: actor };
      if (table === 'indicators') {
        await db
          .insertInto('indicators')
          .values({ ...common, indicator_key: key, parent_indicator_id: null })
          .execute();
      } else {
        await db
          .insertInto('tasks')
          .values({ ...common, task_key: key })
          .execute();
      }
      existing.set(key, id);
    }
    result.push([key, id]);
  }
  return result;
}

async function keyTasks(
  db: Kysely<Database>,
  planId: string,
  regionCode: string,
  assignments: readonly Assignment[],
  actor: string,
): Promise<KeyedTask[]> {
  const ids = await identityIds(
    db,
    'tasks',
    planId,
    dedupeKeys(assignments.map((a) => normalizeKey(a.measure))),
    actor,
  );
  const tasks: KeyedTask[] = [];
  for (const [i, assignment] of assignments.entries()) {
    const [key, taskId] = at(ids, i);
    const owners: KeyedTask['owners'] = [];
    for (const [role, refs] of [
      ['lead', assignment.leads],
      ['co_lead', assignment.coLeads],
    ] as const) {
      for (const ref of refs) {
        const department = await resolveDepartmentRef(db, regionCode, ref);
        if (owners.some((o) => o.departmentId === department.id && o.role === role)) continue;
        owners.push({
          departmentId: department.id,
          role,
          nameAsWritten: ref.text,
          canonical: department.canonicalName,
        });
      }
    }
    tasks.push({ key, taskId, assignment, owners });
  }
  return tasks;
}
