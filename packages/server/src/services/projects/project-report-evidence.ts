import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { listEvidenceFiles, projectPlanId, projectReportRevisions } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import { ApiError, notFound } from '../../errors.js';
import type { EvidenceRecordFacts } from '../records/kinds/record-kind.js';

/** A monthly report of a project, as an evidence key names it: `projectId|YYYY-MM`. */
export type ProjectReportRef = { projectId: string; year: number; month: number };

/** `projectId|YYYY-MM` → the report it names, or a 400. */
export function parseProjectReportKey(key: string): ProjectReportRef {
  const [projectId, period, ...rest] = key.split('|');
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period ?? '');
  if (projectId === undefined || projectId === '' || m === null || rest.length > 0) {
    throw new ApiError(400, 'invalid-key', {
      zh: `项目月报的键应为“项目ID|YYYY-MM”：${key}`,
      en: `A project report key is projectId|YYYY-MM: ${key}`,
    });
  }
  return { projectId, year: Number(m[1]), month: Number(m[2]) };
}

/** The canonical key of a project's month. */
export function projectReportKey(ref: ProjectReportRef): string {
  return `${ref.projectId}|${ref.year}-${String(ref.month).padStart(2, '0')}`;
}

/** The project's 责任单位 (the only department owning its reports), or 404. */
async function owner(ctx: AppContext, projectId: string) {
  const found = await projectPlanId(ctx.db, projectId);
  if (found === null) throw notFound('project');
  return found;
}

/**
 * A project's monthly report as an evidence subject: owned by the project's 责任单位, never
 * public, its history the month's revisions with the files each referenced. The evidence
 * service's policies and visibility then apply as to any record.
 */
export const projectReportEvidence = {
  ownerDepartmentIdsOfKey: async (ctx: AppContext, rawKey: string): Promise<string[]> => {
    const { leadDepartmentId } = await owner(ctx, parseProjectReportKey(rawKey).projectId);
    return leadDepartmentId === null ? [] : [leadDepartmentId];
  },
  evidenceRecord: async (ctx: AppContext, rawKey: string): Promise<EvidenceRecordFacts> => {
    const ref = parseProjectReportKey(rawKey);
    const found = await owner(ctx, ref.projectId);
    const revisions = (await projectReportRevisions(ctx.db, ref.projectId)).filter(
      (r) => r.year === ref.year && r.month === ref.month,
    );
    return {
      key: projectReportKey(ref),
      planId: found.planId,
      ownerDepartmentIds: found.leadDepartmentId === null ? [] : [found.leadDepartmentId],
      published: false,
      history: revisions.map((r) => ({
        revisionNo: r.revisionNo,
        status: r.status,
        values: { evidence: r.evidenceIds },
      })),
    };
  },
};

/** A month's report may name only files uploaded to that month and still in it (400 otherwise). */
export async function checkReportEvidence(ctx: AppContext, ref: ProjectReportRef, ids: readonly string[]) {
  if (ids.length === 0) return;
  const files = await listEvidenceFiles(
    ctx.db,
    RECORD_KIND_DESCRIPTORS.project_report.stored.evidenceSubject,
    projectReportKey(ref),
  );
  const usable = new Set(
    files.filter((f) => f.withdrawnAt === null && f.redactedAt === null).map((f) => f.id),
  );
  const stray = ids.filter((id) => !usable.has(id));
  if (stray.length > 0) {
    throw new ApiError(400, 'evidence-not-of-report', {
      zh: `佐证材料不属于该月报或已撤回：${stray.join('、')}`,
      en: `Evidence files not uploaded to this month's report, or withdrawn: ${stray.join(', ')}`,
    });
  }
}
