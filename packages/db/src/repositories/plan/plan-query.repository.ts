import type { Target } from '@plantrack/core';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { IndicatorDiff, TaskDiff } from './plan-diff.js';

/** A plan with its newest version number. */
export type PlanSummaryRow = {
  id: string;
  slug: string;
  title: string;
  regionCode: string | null;
  parentPlanId: string | null;
  latestVersionId: string | null;
  latestVersionNo: number | null;
};

/** A version of a plan, without its text and model. */
export type PlanVersionRow = {
  id: string;
  planId: string;
  versionNo: number;
  fileName: string | null;
  sha256: string;
  createdAt: string;
  createdBy: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  diff: { indicators: IndicatorDiff; tasks: TaskDiff } | null;
};

/** An indicator as a version states it, under its stable id. */
export type IndicatorRow = {
  /** Stable across versions: observations point here. */
  indicatorId: string;
  indicatorKey: string;
  /** This version's row (framework edits point here). */
  indicatorVersionId: string;
  seq: string;
  groupName: string | null;
  name: string;
  unit: string | null;
  attribute: string | null;
  direction: string | null;
  target: Target;
  scope: string | null;
  parentIndicatorId: string | null;
  published: boolean;
  editNo: number;
  source: { start: number; end: number; lineStart: number; lineEnd: number };
};

/** A task as a version states it, with its owners. */
export type TaskRow = {
  taskId: string;
  taskKey: string;
  taskVersionId: string;
  measure: string;
  clause: string;
  nodeKey: string;
  owners: { departmentId: string; canonicalName: string; role: 'lead' | 'co_lead'; nameAsWritten: string }[];
};

/** Every plan of the deployment with its newest version. */
export async function listPlans(db: Kysely<Database>): Promise<PlanSummaryRow[]> {
  const plans = await db.selectFrom('plans').selectAll().orderBy('created_at').execute();
  const versions = await db.selectFrom('plan_versions').select(['id', 'plan_id', 'version_no']).execute();
  return plans.map((p) => {
    const latest = versions.filter((v) => v.plan_id === p.id).sort((a, b) => b.version_no - a.version_no)[0];
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      regionCode: p.region_code,
      parentPlanId: p.parent_plan_id,
      latestVersionId: latest?.id ?? null,
      latestVersionNo: latest?.version_no ?? null,
    };
  });
}

/** The versions of a plan, oldest first, with the stored differences. */
export async function listPlanVersions(db: Kysely<Database>, planId: string): Promise<PlanVersionRow[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .select([
      'id',
      'plan_id',
      'version_no',
      'file_name',
      'text_sha256',
      'created_at',
      'created_by',
      'confirmed_at',
      'confirmed_by',
      'diff_json',
    ])
    .where('plan_id', '=', planId)
    .orderBy('version_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    versionNo: r.version_no,
    fileName: r.file_name,
    sha256: r.text_sha256,
    createdAt: r.created_at,
    createdBy: r.created_by,
    confirmedAt: r.confirmed_at,
    confirmedBy: r.confirmed_by,
    diff: JSON.parse(r.diff_json) as PlanVersionRow['diff'],
  }));
}

/** The newest version id of a plan; `NotFoundError` when the plan has none. */
export async function latestVersionId(db: Kysely<Database>, planId: string): Promise<string> {
  const row = await db
    .selectFrom('plan_versions')
    .select('id')
    .where('plan_id', '=', planId)
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined)
    throw new NotFoundError({ zh: `规划不存在：${planId}`, en: `No such plan: ${planId}` });
  return row.id;
}

/** The indicators of a version (default: the newest), in table order. */
export async function listIndicators(
  db: Kysely<Database>,
  planId: string,
  versionId?: string,
): Promise<IndicatorRow[]> {
  const version = versionId ?? (await latestVersionId(db, planId));
  const rows = await db
    .selectFrom('indicator_versions as iv')
    .innerJoin('indicators as i', 'i.id', 'iv.indicator_id')
    .selectAll('iv')
    .select(['i.indicator_key', 'i.parent_indicator_id', 'i.published'])
    .where('iv.plan_version_id', '=', version)
    .where('i.plan_id', '=', planId)
    .execute();
  return rows
    .map((r) => ({
      indicatorId: r.indicator_id,
      indicatorKey: r.indicator_key,
      indicatorVersionId: r.id,
      seq: r.seq,
      groupName: r.group_name,
      name: r.name,
      unit: r.unit,
      attribute: r.attribute,
      direction: r.direction,
      target: JSON.parse(r.target_json) as Target,
      scope: r.scope,
      parentIndicatorId: r.parent_indicator_id,
      published: r.published === 1,
      editNo: r.edit_no,
      source: { start: r.source_start, end: r.source_end, lineStart: r.line_start, lineEnd: r.line_end },
    }))
    .sort((a, b) => a.source.start - b.source.start);
}

/** The tasks of a version (default: the newest) with their lead and co-lead departments. */
export async function listTasks(
  db: Kysely<Database>,
  planId: string,
  versionId?: string,
): Promise<TaskRow[]> {
  const version = versionId ?? (await latestVersionId(db, planId));
  const rows = await db
    .selectFrom('task_versions as tv')
    .innerJoin('tasks as t', 't.id', 'tv.task_id')
    .select([
      'tv.id',
      'tv.task_id',
      't.task_key',
      'tv.measure',
      'tv.clause',
      'tv.node_key',
      'tv.source_start',
    ])
    .where('tv.plan_version_id', '=', version)
    .where('t.plan_id', '=', planId)
    .orderBy('tv.source_start')
    .execute();
  const owners = await db
    .selectFrom('task_departments as td')
    .innerJoin('task_versions as tv', 'tv.id', 'td.task_version_id')
    .innerJoin('departments as d', 'd.id', 'td.department_id')
    .select([
      'td.id',
      'td.task_version_id',
      'td.department_id',
      'd.canonical_name',
      'td.role',
      'td.name_as_written',
    ])
    .where('tv.plan_version_id', '=', version)
    .orderBy('td.id')
    .execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    taskKey: r.task_key,
    taskVersionId: r.id,
    measure: r.measure,
    clause: r.clause,
    nodeKey: r.node_key,
    owners: owners
      .filter((o) => o.task_version_id === r.id)
      .map((o) => ({
        departmentId: o.department_id,
        canonicalName: o.canonical_name,
        role: o.role,
        nameAsWritten: o.name_as_written,
      })),
  }));
}

/** Records that the planning office confirmed a version's differences; once only. */
export async function confirmPlanVersion(
  db: Kysely<Database>,
  args: { versionId: string; actor: string },
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const version = await trx
      .selectFrom('plan_versions')
      .select(['plan_id', 'confirmed_at'])
      .where('id', '=', args.versionId)
      .executeTakeFirst();
    if (version === undefined) {
      throw new NotFoundError({
        zh: `规划版本不存在：${args.versionId}`,
        en: `No such plan version: ${args.versionId}`,
      });
    }
    if (version.confirmed_at !== null) {
      throw new ConflictError('invalid-transition', {
        zh: '该版本已确认。',
        en: 'This version is already confirmed.',
      });
    }
    await trx
      .updateTable('plan_versions')
      .set({ confirmed_at: nowIso(), confirmed_by: args.actor })
      .where('id', '=', args.versionId)
      .execute();
    await appendAudit(trx, {
      actor: args.actor,
      action: 'plan.version.confirmed',
      entity: 'plan_version',
      entityId: args.versionId,
      planId: version.plan_id,
    });
  });
}
