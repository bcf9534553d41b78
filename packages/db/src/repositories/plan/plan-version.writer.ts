import type { Assignment, PlanModel, SourceSpan } from '@plantrack/core';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { SourceSpanColumns } from '../../schema/plan-tables.schema.js';
import { newId } from '../../support/ids.js';
import type { ComparedIndicator, ComparedTask } from './plan-diff.js';
import { flattenOutline } from './plan-keys.js';
import { type SearchDocument, replaceFrameworkDocuments } from '../search/search-index.js';

/** Rows per INSERT: well under both databases' bound-parameter limits. */
const CHUNK = 100;

/** A task of the model with its stable key and resolved owners. */
export type KeyedTask = {
  key: string;
  taskId: string;
  assignment: Assignment;
  owners: { departmentId: string; role: 'lead' | 'co_lead'; nameAsWritten: string; canonical: string }[];
};

/** How many rows of each kind a version import wrote. */
export type VersionCounts = {
  nodes: number;
  indicators: number;
  commitments: number;
  tasks: number;
  leadLinks: number;
  coLeadLinks: number;
};

/** The records of one version to write, with identities already resolved. */
export type VersionRowsInput = {
  planId: string;
  versionId: string;
  model: PlanModel;
  /** `[indicator_key, indicator id]` in the order of `model.indicators`. */
  indicatorIds: readonly [string, string][];
  tasks: readonly KeyedTask[];
};

function spanColumns(span: SourceSpan): SourceSpanColumns {
  return {
    source_start: span.start,
    source_end: span.end,
    line_start: span.lineStart,
    line_end: span.lineEnd,
  };
}

async function insertChunked<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/**
 * Writes the outline nodes, indicator versions, commitments, task versions and task owners of a
 * new plan version, then rebuilds the plan's search documents from them.
 */
export async function writeVersionRows(
  db: Kysely<Database>,
  input: VersionRowsInput,
): Promise<VersionCounts> {
  const { planId, versionId, model } = input;
  const nodes = flattenOutline(model.outline).map((n) => ({
    id: newId(),
    plan_version_id: versionId,
    node_key: n.key,
    kind: n.kind,
    ordinal: n.ordinal,
    label: n.label,
    title: n.title,
    parent_key: n.parentKey,
    position: n.position,
    depth: n.depth,
    text: n.text,
    ...spanColumns(n.source),
  }));
  await insertChunked(db, 'outline_nodes', nodes);

  const indicatorIdBySeq = new Map<string, string>();
  const indicatorRows = model.indicators.map((ind, i) => {
    const indicatorId = input.indicatorIds[i]?.[1] ?? '';
    indicatorIdBySeq.set(ind.seq, indicatorId);
    return {
      id: newId(),
      indicator_id: indicatorId,
      plan_version_id: versionId,
      seq: ind.seq,
      group_name: ind.group,
      name: ind.name,
      unit: ind.unit,
      parent_seq:
        ind.parent === null ? null : (model.indicators.find((p) => p.name === ind.parent)?.seq ?? null),
      attribute: ind.attribute,
      attribute_inferred: ind.attributeInferred ? (1 as const) : (0 as const),
      direction: ind.direction,
      baseline_json: ind.baseline === null ? null : JSON.stringify(ind.baseline),
      target_json: JSON.stringify(ind.target),
      target_text: ind.target.text,
      target_kind: ind.target.kind,
      scope: ind.target.scope,
      extra_json: JSON.stringify(ind.extra),
      edit_no: 0,
      ...spanColumns(ind.source),
    };
  });
  await insertChunked(db, 'indicator_versions', indicatorRows);

  const commitments = model.commitments.map((c) => ({
    id: newId(),
    plan_version_id: versionId,
    ref: c.id,
    subject: c.subject,
    quantity_json: c.quantity === null ? null : JSON.stringify(c.quantity),
    quantity_text: c.quantity?.text ?? null,
    deadline: c.deadline,
    sentence: c.sentence,
    node_key: c.nodeId,
    indicator_id: c.indicatorSeq === null ? null : (indicatorIdBySeq.get(c.indicatorSeq) ?? null),
    edit_no: 0,
    ...spanColumns(c.source),
  }));
  await insertChunked(db, 'commitments', commitments);

  const taskRows = input.tasks.map((t) => ({
    id: newId(),
    task_id: t.taskId,
    plan_version_id: versionId,
    ref: t.assignment.id,
    measure: t.assignment.measure,
    clause: t.assignment.clause,
    node_key: t.assignment.nodeId,
    edit_no: 0,
    ...spanColumns(t.assignment.source),
  }));
  await insertChunked(db, 'task_versions', taskRows);
  const owners = input.tasks.flatMap((t, i) =>
    t.owners.map((o) => ({
      id: newId(),
      task_version_id: taskRows[i]?.id ?? '',
      department_id: o.departmentId,
      role: o.role,
      name_as_written: o.nameAsWritten,
    })),
  );
  await insertChunked(db, 'task_departments', owners);

  const firstNodeOfIndicator = new Map<string, string>();
  for (const c of model.commitments) {
    if (c.indicatorSeq !== null && !firstNodeOfIndicator.has(c.indicatorSeq)) {
      firstNodeOfIndicator.set(c.indicatorSeq, c.nodeId);
    }
  }
  const documents: SearchDocument[] = [
    ...nodes.map((n) => ({
      kind: 'node' as const,
      ref_id: n.id,
      plan_id: planId,
      plan_version_id: versionId,
      node_key: n.node_key,
      title: `${n.label} ${n.title}`.trim(),
      body: n.text,
      source_start: n.source_start,
      source_end: n.source_end,
    })),
    ...indicatorRows.map((r) => ({
      kind: 'indicator' as const,
      ref_id: r.indicator_id,
      plan_id: planId,
      plan_version_id: versionId,
      node_key: firstNodeOfIndicator.get(r.seq) ?? null,
      title: r.name,
      body: [r.group_name, r.target_text, r.unit, r.scope].filter((x) => x !== null).join(' '),
      source_start: r.source_start,
      source_end: r.source_end,
    })),
    ...input.tasks.map((t) => ({
      kind: 'task' as const,
      ref_id: t.taskId,
      plan_id: planId,
      plan_version_id: versionId,
      node_key: t.assignment.nodeId,
      title: t.assignment.measure,
      body: [t.assignment.clause, ...t.owners.map((o) => o.canonical)].join(' '),
      source_start: t.assignment.source.start,
      source_end: t.assignment.source.end,
    })),
  ];
  await replaceFrameworkDocuments(db, planId, documents);
  return {
    nodes: nodes.length,
    indicators: indicatorRows.length,
    commitments: commitments.length,
    tasks: taskRows.length,
    leadLinks: owners.filter((o) => o.role === 'lead').length,
    coLeadLinks: owners.filter((o) => o.role === 'co_lead').length,
  };
}

/** The indicators of a stored version in the shape the version diff compares. */
export async function loadComparedIndicators(
  db: Kysely<Database>,
  versionId: string,
): Promise<ComparedIndicator[]> {
  const rows = await db
    .selectFrom('indicator_versions as iv')
    .innerJoin('indicators as i', 'i.id', 'iv.indicator_id')
    .select([
      'i.indicator_key',
      'i.id',
      'iv.seq',
      'iv.name',
      'iv.group_name',
      'iv.unit',
      'iv.attribute',
      'iv.direction',
      'iv.target_text',
      'iv.scope',
      'iv.baseline_json',
    ])
    .where('iv.plan_version_id', '=', versionId)
    .execute();
  return rows.map((r) => ({
    key: r.indicator_key,
    indicatorId: r.id,
    seq: r.seq,
    name: r.name,
    groupName: r.group_name,
    unit: r.unit,
    attribute: r.attribute,
    direction: r.direction,
    targetText: r.target_text,
    scope: r.scope,
    baselineText:
      r.baseline_json === null ? null : ((JSON.parse(r.baseline_json) as { text?: string }).text ?? null),
  }));
}

/** The tasks of a stored version with their owners, in the shape the version diff compares. */
export async function loadComparedTasks(db: Kysely<Database>, versionId: string): Promise<ComparedTask[]> {
  const rows = await db
    .selectFrom('task_versions as tv')
    .innerJoin('tasks as t', 't.id', 'tv.task_id')
    .select(['tv.id', 't.task_key', 't.id as task_id', 'tv.measure'])
    .where('tv.plan_version_id', '=', versionId)
    .execute();
  const owners = await db
    .selectFrom('task_departments as td')
    .innerJoin('task_versions as tv', 'tv.id', 'td.task_version_id')
    .innerJoin('departments as d', 'd.id', 'td.department_id')
    .select(['td.task_version_id', 'td.role', 'd.canonical_name', 'td.id'])
    .where('tv.plan_version_id', '=', versionId)
    .orderBy('td.id')
    .execute();
  return rows.map((r) => ({
    key: r.task_key,
    taskId: r.task_id,
    measure: r.measure,
    owners: owners
      .filter((o) => o.task_version_id === r.id)
      .map((o) => (o.role === 'lead' ? o.canonical_name : `${o.canonical_name}（协办）`)),
  }));
}
