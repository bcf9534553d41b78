import type { Finding, PlanModel } from '@plantrack/core';
import { latestVersionId, findPlanVersion, planVersionModelJson } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';

/** A stored version of a plan: its number and whether the planning office confirmed it. */
export type VersionRef = { planId: string; versionId: string; versionNo: number };

/**
 * The version a reader or curation request is about: `versionId` when given (it must belong to
 * the plan), else the plan's newest. A version of another plan is reported as not found, so ids
 * cannot be probed across plans.
 */
export async function resolveVersion(
  ctx: AppContext,
  planId: string,
  versionId?: string,
): Promise<VersionRef> {
  const id = versionId ?? (await latestVersionId(ctx.db, planId));
  const row = await findPlanVersion(ctx.db, id);
  if (row === undefined || row.planId !== planId) throw notFound(`${planId}/${id}`);
  return { planId, versionId: row.id, versionNo: row.versionNo };
}

/** What ingestion reported about a stored version, read from its stored model. */
export type IngestionReport = {
  findings: Finding[];
  warnings: { zh: string; en: string }[];
  counts: { nodes: number; indicators: number; commitments: number; assignments: number };
};

export async function ingestionReport(ctx: AppContext, versionId: string): Promise<IngestionReport> {
  const model = JSON.parse(await planVersionModelJson(ctx.db, versionId)) as PlanModel;
  let nodes = 0;
  const count = (list: PlanModel['outline']): void => {
    for (const node of list) {
      nodes += 1;
      count(node.children);
    }
  };
  count(model.outline);
  return {
    findings: model.findings,
    warnings: model.warnings,
    counts: {
      nodes,
      indicators: model.indicators.length,
      commitments: model.commitments.length,
      assignments: model.assignments.length,
    },
  };
}
