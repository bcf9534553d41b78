import type { Finding } from '@plantrack/core';
import type { OutlineNode } from '@plantrack/api';
import {
  listIndicators,
  commitmentRows,
  outlineNodeRows,
  planVersionSourceText,
  taskVersionOwnerRows,
  taskVersionRows,
} from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { canReadFramework } from '../../policies/plan.policy.js';
import { enforce } from '../../policies/policy.js';
import { ingestionReport, resolveVersion } from './plan-version.lookup.js';

/** Offsets into the version's text (UTF-16 code units, as JavaScript strings count) and 1-based lines. */
export type Span = { start: number; end: number; lineStart: number; lineEnd: number };

/** An outline heading as the contract has it. */
export type OutlineNodeDto = OutlineNode;

export type OutlineDto = {
  planId: string;
  versionId: string;
  versionNo: number;
  /**
   * The whole decoded text, sent once: the sample outline is 41 245 characters (115 KB as UTF-8,
   * 46 KB gzipped), so one response lets the reader switch nodes and jump to search hits without
   * further requests. Nodes and items point into it by span.
   */
  text: string;
  outline: OutlineNodeDto[];
  indicators: {
    id: string;
    seq: string;
    name: string;
    group: string | null;
    unit: string | null;
    attribute: string | null;
    targetText: string;
    scope: string | null;
    source: Span;
  }[];
  commitments: {
    ref: string;
    subject: string;
    quantityText: string | null;
    deadline: number | null;
    nodeKey: string;
    indicatorId: string | null;
    source: Span;
  }[];
  assignments: {
    taskId: string;
    measure: string;
    clause: string;
    nodeKey: string;
    owners: { name: string; nameAsWritten: string; role: 'lead' | 'co_lead' }[];
    source: Span;
  }[];
  findings: Pick<Finding, 'code' | 'severity' | 'message' | 'sources' | 'indicatorSeq'>[];
};

const span = (r: {
  source_start: number;
  source_end: number;
  line_start: number;
  line_end: number;
}): Span => ({
  start: r.source_start,
  end: r.source_end,
  lineStart: r.line_start,
  lineEnd: r.line_end,
});

/** The outline of a plan version with its text and every extracted item, for the plan reader. */
export async function planOutline(
  ctx: AppContext,
  p: Principal,
  planId: string,
  versionId?: string,
): Promise<OutlineDto> {
  // Unpublished indicators and tasks are highlighted, so the reader is for staff only.
  enforce(p, canReadFramework(p));
  const version = await resolveVersion(ctx, planId, versionId);
  const text = await planVersionSourceText(ctx.db, version.versionId);
  return {
    ...version,
    text,
    outline: await outlineTree(ctx, version.versionId),
    // From the stored rows, so the reader shows the planning office's corrections.
    indicators: (await listIndicators(ctx.db, planId, version.versionId)).map((i) => ({
      id: i.indicatorId,
      seq: i.seq,
      name: i.name,
      group: i.groupName,
      unit: i.unit,
      attribute: i.attribute,
      targetText: i.target.text,
      scope: i.scope,
      source: i.source,
    })),
    commitments: await commitments(ctx, version.versionId),
    assignments: await assignments(ctx, version.versionId),
    findings: (await ingestionReport(ctx, version.versionId)).findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      sources: f.sources,
      indicatorSeq: f.indicatorSeq,
    })),
  };
}

async function outlineTree(ctx: AppContext, versionId: string): Promise<OutlineNodeDto[]> {
  const rows = await outlineNodeRows(ctx.db, versionId);
  const roots: OutlineNodeDto[] = [];
  const byKey = new Map<string, OutlineNodeDto>();
  for (const r of rows) {
    const node: OutlineNodeDto = {
      key: r.node_key,
      kind: r.kind,
      label: r.label,
      title: r.title,
      depth: r.depth,
      source: span(r),
      children: [],
    };
    byKey.set(node.key, node);
    // Rows come in document order (depth first), so a parent is always seen before its children.
    const parent = r.parent_key === null ? undefined : byKey.get(r.parent_key);
    (parent?.children ?? roots).push(node);
  }
  return roots;
}

async function commitments(ctx: AppContext, versionId: string): Promise<OutlineDto['commitments']> {
  const rows = await commitmentRows(ctx.db, versionId);
  return rows.map((r) => ({
    ref: r.ref,
    subject: r.subject,
    quantityText: r.quantity_text,
    deadline: r.deadline,
    nodeKey: r.node_key,
    indicatorId: r.indicator_id,
    source: span(r),
  }));
}

async function assignments(ctx: AppContext, versionId: string): Promise<OutlineDto['assignments']> {
  const rows = await taskVersionRows(ctx.db, versionId);
  const owners = await taskVersionOwnerRows(ctx.db, versionId);
  return rows.map((r) => ({
    taskId: r.task_id,
    measure: r.measure,
    clause: r.clause,
    nodeKey: r.node_key,
    owners: owners
      .filter((o) => o.task_version_id === r.id)
      .map((o) => ({ name: o.canonical_name, nameAsWritten: o.name_as_written, role: o.role })),
    source: span(r),
  }));
}
