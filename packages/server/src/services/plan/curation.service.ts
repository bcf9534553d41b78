import type { Finding } from '@plantrack/core';
import {
  type IndicatorEdit,
  type PlanVersionRow,
  confirmPlanVersion,
  editIndicator,
  listFrameworkEdits,
  listIndicators,
  listPlanVersions,
  indicatorIdentity,
  indicatorVersionNumbers,
  userDisplayNames,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { canCurate, canReadCuration } from '../../policies/curation.policy.js';
import { enforce } from '../../policies/policy.js';
import { type IndicatorDto, presentIndicator } from '../../presenters/plan.presenter.js';
import { type IngestionReport, ingestionReport, resolveVersion } from './plan-version.lookup.js';

/** An indicator as curation shows it: with the token an edit must quote. */
export type CuratedIndicatorDto = IndicatorDto & { editNo: number };

/** The newest version's row of an indicator; 404 when the newest outline no longer has it. */
async function currentRow(ctx: AppContext, indicatorId: string) {
  const { planId } = await indicatorIdentity(ctx.db, indicatorId);
  const row = (await listIndicators(ctx.db, planId)).find((i) => i.indicatorId === indicatorId);
  if (row === undefined) throw notFound(indicatorId);
  return row;
}

/** Corrects fields of an indicator (newest version); stale `expectedEditNo` → 409. */
export async function correctIndicator(
  ctx: AppContext,
  p: Principal,
  indicatorId: string,
  input: { expectedEditNo: number; changes: IndicatorEdit; reason: string },
): Promise<{ indicator: CuratedIndicatorDto; changedFields: string[] }> {
  enforce(p, canCurate(p));
  const row = await currentRow(ctx, indicatorId);
  const { changedFields } = await editIndicator(ctx.db, {
    indicatorVersionId: row.indicatorVersionId,
    expectedEditNo: input.expectedEditNo,
    changes: input.changes,
    actor: actorOf(p),
    reason: input.reason,
  });
  const updated = await currentRow(ctx, indicatorId);
  return { indicator: { ...presentIndicator(updated), editNo: updated.editNo }, changedFields };
}

export type FrameworkEditDto = {
  id: string;
  versionNo: number;
  field: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  actor: string;
  actorName: string | null;
  at: string;
};

/** An indicator's corrections in every version, oldest first, with its current edit token. */
export async function indicatorEdits(
  ctx: AppContext,
  p: Principal,
  indicatorId: string,
): Promise<{ indicator: CuratedIndicatorDto; edits: FrameworkEditDto[] }> {
  enforce(p, canReadCuration(p));
  const row = await currentRow(ctx, indicatorId);
  const versions = await indicatorVersionNumbers(ctx.db, indicatorId);
  type Edit = Awaited<ReturnType<typeof listFrameworkEdits>>[number];
  const rows: { e: Edit; versionNo: number | null }[] = (
    await listFrameworkEdits(ctx.db, 'indicator', indicatorId)
  ).map((e) => ({ e, versionNo: null }));
  for (const v of versions) {
    for (const e of await listFrameworkEdits(ctx.db, 'indicator_version', v.id)) {
      rows.push({ e, versionNo: v.versionNo });
    }
  }
  const actors = [...new Set(rows.map((r) => r.e.actor))];
  const names = await userDisplayNames(ctx.db, actors);
  const latestNo = versions.at(-1)?.versionNo ?? 0;
  const edits = rows
    .map(({ e, versionNo }) => ({
      id: e.id,
      versionNo: versionNo ?? latestNo,
      field: e.field,
      before: JSON.parse(e.before_json) as unknown,
      after: JSON.parse(e.after_json) as unknown,
      reason: e.reason,
      actor: e.actor,
      actorName: names.get(e.actor) ?? null,
      at: e.at,
    }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return { indicator: { ...presentIndicator(row), editNo: row.editNo }, edits };
}

export type VersionSummaryDto = Omit<PlanVersionRow, 'diff' | 'planId'> & {
  changes: {
    indicatorsAdded: number;
    indicatorsRemoved: number;
    indicatorsChanged: number;
    tasksAdded: number;
    tasksRemoved: number;
    tasksChanged: number;
  };
};

export async function planVersions(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<VersionSummaryDto[]> {
  enforce(p, canReadCuration(p));
  await resolveVersion(ctx, planId);
  return (await listPlanVersions(ctx.db, planId)).map((v) => ({
    id: v.id,
    versionNo: v.versionNo,
    fileName: v.fileName,
    sha256: v.sha256,
    createdAt: v.createdAt,
    createdBy: v.createdBy,
    confirmedAt: v.confirmedAt,
    confirmedBy: v.confirmedBy,
    changes: {
      indicatorsAdded: v.diff?.indicators.added.length ?? 0,
      indicatorsRemoved: v.diff?.indicators.removed.length ?? 0,
      indicatorsChanged: v.diff?.indicators.changed.length ?? 0,
      tasksAdded: v.diff?.tasks.added.length ?? 0,
      tasksRemoved: v.diff?.tasks.removed.length ?? 0,
      tasksChanged: v.diff?.tasks.changed.length ?? 0,
    },
  }));
}

export type VersionDiffDto = {
  versionId: string;
  versionNo: number;
  previousVersionNo: number | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  indicators: NonNullable<PlanVersionRow['diff']>['indicators'];
  tasks: NonNullable<PlanVersionRow['diff']>['tasks'];
};

async function versionRow(ctx: AppContext, planId: string, versionId: string) {
  await resolveVersion(ctx, planId, versionId);
  const all = await listPlanVersions(ctx.db, planId);
  const index = all.findIndex((v) => v.id === versionId);
  const row = all[index];
  if (row === undefined) throw notFound(versionId);
  return { row, previous: index > 0 ? all[index - 1] : undefined };
}

/** What changed in a version against the one before it (stored at import). */
export async function versionDiff(
  ctx: AppContext,
  p: Principal,
  planId: string,
  versionId: string,
): Promise<VersionDiffDto> {
  enforce(p, canReadCuration(p));
  const { row, previous } = await versionRow(ctx, planId, versionId);
  return {
    versionId: row.id,
    versionNo: row.versionNo,
    previousVersionNo: previous?.versionNo ?? null,
    confirmedAt: row.confirmedAt,
    confirmedBy: row.confirmedBy,
    indicators: row.diff?.indicators ?? { added: [], removed: [], changed: [] },
    tasks: row.diff?.tasks ?? { added: [], removed: [], changed: [] },
  };
}

/** The planning office confirms a version's differences; a second confirmation is a 409. */
export async function confirmVersion(
  ctx: AppContext,
  p: Principal,
  planId: string,
  versionId: string,
): Promise<VersionDiffDto> {
  enforce(p, canCurate(p));
  await resolveVersion(ctx, planId, versionId);
  await confirmPlanVersion(ctx.db, { versionId, actor: actorOf(p) });
  return versionDiff(ctx, p, planId, versionId);
}

export type FindingsDto = Omit<IngestionReport, 'findings'> & {
  versionId: string;
  versionNo: number;
  findings: (Finding & { indicatorId: string | null })[];
};

/** What ingestion found in a version (default: newest), with the indicators the findings are about. */
export async function planFindings(
  ctx: AppContext,
  p: Principal,
  planId: string,
  versionId?: string,
): Promise<FindingsDto> {
  enforce(p, canReadCuration(p));
  const version = await resolveVersion(ctx, planId, versionId);
  const report = await ingestionReport(ctx, version.versionId);
  const bySeq = new Map(
    (await listIndicators(ctx.db, planId, version.versionId)).map((i) => [i.seq, i.indicatorId]),
  );
  return {
    ...report,
    versionId: version.versionId,
    versionNo: version.versionNo,
    findings: report.findings.map((f) => ({
      ...f,
      indicatorId: f.indicatorSeq === null ? null : (bySeq.get(f.indicatorSeq) ?? null),
    })),
  };
}
