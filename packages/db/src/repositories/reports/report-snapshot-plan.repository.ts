import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';

/**
 * What a plan version says, as a report's snapshot freezes it: the plan, its indicators and tasks,
 * and the departments (by their names at the time) that lead them.
 */
type Db = Kysely<Database>;

/** An indicator as one plan version states it (every column the plan model's indicator has). */
export type SnapshotIndicatorRow = {
  indicatorId: string;
  key: string;
  seq: string;
  group: string | null;
  name: string;
  unit: string | null;
  parentSeq: string | null;
  attribute: string | null;
  attributeInferred: boolean;
  direction: string | null;
  baselineJson: string | null;
  targetJson: string;
  scope: string | null;
  extraJson: string;
  source: { start: number; end: number; lineStart: number; lineEnd: number };
};

export async function snapshotIndicators(db: Db, versionId: string): Promise<SnapshotIndicatorRow[]> {
  const rows = await db
    .selectFrom('indicator_versions as iv')
    .innerJoin('indicators as i', 'i.id', 'iv.indicator_id')
    .selectAll('iv')
    .select('i.indicator_key')
    .where('iv.plan_version_id', '=', versionId)
    .orderBy('iv.source_start')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    key: r.indicator_key,
    seq: r.seq,
    group: r.group_name,
    name: r.name,
    unit: r.unit,
    parentSeq: r.parent_seq,
    attribute: r.attribute,
    attributeInferred: r.attribute_inferred === 1,
    direction: r.direction,
    baselineJson: r.baseline_json,
    targetJson: r.target_json,
    scope: r.scope,
    extraJson: r.extra_json,
    source: { start: r.source_start, end: r.source_end, lineStart: r.line_start, lineEnd: r.line_end },
  }));
}

/** The plan model's `plan` part of a version (title, region, period). */
export async function snapshotPlanModel(db: Db, versionId: string): Promise<unknown> {
  const row = await db
    .selectFrom('plan_versions')
    .select('model_json')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  return (JSON.parse(row.model_json) as { plan?: unknown }).plan ?? null;
}

/** A task of a version with its lead and co-lead departments (canonical names). */
export type SnapshotTaskRow = {
  taskId: string;
  ref: string;
  measure: string;
  leads: string[];
  coLeads: string[];
};

export async function snapshotTasks(db: Db, versionId: string): Promise<SnapshotTaskRow[]> {
  const tasks = await db
    .selectFrom('task_versions')
    .select(['id', 'task_id', 'ref', 'measure'])
    .where('plan_version_id', '=', versionId)
    .orderBy('source_start')
    .execute();
  if (tasks.length === 0) return [];
  const departments = await db
    .selectFrom('task_departments as td')
    .innerJoin('task_versions as tv', 'tv.id', 'td.task_version_id')
    .leftJoin('departments as d', 'd.id', 'td.department_id')
    .select(['td.task_version_id', 'td.role', 'td.name_as_written', 'd.canonical_name'])
    .where('tv.plan_version_id', '=', versionId)
    .orderBy('td.id')
    .execute();
  return tasks.map((t) => {
    const own = departments.filter((d) => d.task_version_id === t.id);
    const names = (role: 'lead' | 'co_lead'): string[] =>
      own.filter((d) => d.role === role).map((d) => d.canonical_name ?? d.name_as_written);
    return {
      taskId: t.task_id,
      ref: t.ref,
      measure: t.measure,
      leads: names('lead'),
      coLeads: names('co_lead'),
    };
  });
}

/** Lead departments (牵头单位) of each indicator by key, canonical names. */
export async function indicatorLeadNames(db: Db, planId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('indicator_owners as o')
    .innerJoin('departments as d', 'd.id', 'o.department_id')
    .select(['o.indicator_key', 'd.canonical_name'])
    .where('o.plan_id', '=', planId)
    .where('o.role', '=', 'lead')
    .orderBy('o.indicator_key')
    .orderBy('d.canonical_name')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.indicator_key, [...(out.get(r.indicator_key) ?? []), r.canonical_name]);
  return out;
}
