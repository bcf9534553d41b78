import { ingestText } from '@plantrack/core';
import {
  type IndicatorRow,
  type PlanImportResult,
  importPlanVersion,
  listIndicators,
  listPlans,
  listTasks,
  approvedValues,
  indicatorIdentity,
  setIndicatorPublished,
  observationPeriodsOf,
} from '@plantrack/db';
import { isFormatError, readDocument } from '@plantrack/formats';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError, notFound } from '../../errors.js';
import { canImportPlan, canListPlans, canPublish, canReadFramework } from '../../policies/plan.policy.js';
import { enforce } from '../../policies/policy.js';
import { canReadRecordHistory } from '../../policies/record.policy.js';
import {
  type ApprovedValueDto,
  type IndicatorDto,
  type PlanDto,
  type TaskDto,
  presentApprovedValue,
  presentIndicator,
  presentPlan,
  presentTask,
} from '../../presenters/plan.presenter.js';
import { type ObservationRevisionDto, presentObservation } from '../../presenters/record.presenter.js';
import { observationRepository } from '@plantrack/db';
import {
  ensureOwnersSeeded,
  indicatorKeysOfDepartments,
  indicatorOwnerIds,
} from '../organisation/ownership.service.js';

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export function paginate<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), page, pageSize, total: items.length };
}

export async function plans(ctx: AppContext, p: Principal): Promise<PlanDto[]> {
  enforce(p, canListPlans(p));
  return (await listPlans(ctx.db)).map(presentPlan);
}

export type IndicatorFilter = {
  group?: string | undefined;
  attribute?: string | undefined;
  department?: string | undefined;
  published?: boolean | undefined;
  page: number;
  pageSize: number;
};

async function filterIndicators(
  ctx: AppContext,
  rows: IndicatorRow[],
  f: IndicatorFilter,
): Promise<IndicatorRow[]> {
  let out = rows;
  if (f.group !== undefined) out = out.filter((i) => i.groupName === f.group);
  if (f.attribute !== undefined) out = out.filter((i) => i.attribute === f.attribute);
  if (f.published !== undefined) out = out.filter((i) => i.published === f.published);
  if (f.department !== undefined) {
    const keys = await indicatorKeysOfDepartments(ctx, [f.department]);
    out = out.filter((i) => keys.has(i.indicatorKey));
  }
  return out;
}

export async function indicators(
  ctx: AppContext,
  p: Principal,
  planId: string,
  f: IndicatorFilter,
): Promise<Page<IndicatorDto>> {
  enforce(p, canReadFramework(p));
  const rows = await filterIndicators(ctx, await listIndicators(ctx.db, planId), f);
  return paginate(rows.map(presentIndicator), f.page, f.pageSize);
}

export type IndicatorDetail = {
  indicator: IndicatorDto;
  inForce: ApprovedValueDto[];
  /** Latest revision of each observation, drafts included, for those who may see them. */
  latest: ObservationRevisionDto[] | null;
};

export async function indicatorDetail(
  ctx: AppContext,
  p: Principal,
  indicatorId: string,
): Promise<IndicatorDetail> {
  enforce(p, canReadFramework(p));
  const { planId } = await indicatorIdentity(ctx.db, indicatorId);
  const row = (await listIndicators(ctx.db, planId)).find((i) => i.indicatorId === indicatorId);
  if (row === undefined) throw notFound(indicatorId);
  const inForce = (await approvedValues(ctx.db, [indicatorId])).map(presentApprovedValue);
  const owners = await indicatorOwnerIds(ctx, indicatorId);
  let latest: ObservationRevisionDto[] | null = null;
  if (canReadRecordHistory(p, { ownerDepartmentIds: owners })) {
    const keys = await observationPeriodsOf(ctx.db, indicatorId);
    latest = [];
    for (const k of keys) {
      const rev = await observationRepository.latest(ctx.db, {
        indicatorId,
        period: k.period,
        scope: k.scope,
      });
      if (rev !== undefined) latest.push(presentObservation(rev));
    }
    latest.sort((a, b) => a.key.localeCompare(b.key));
  }
  return { indicator: presentIndicator(row), inForce, latest };
}

export async function tasks(
  ctx: AppContext,
  p: Principal,
  planId: string,
  f: { department?: string | undefined; page: number; pageSize: number },
): Promise<Page<TaskDto>> {
  enforce(p, canReadFramework(p));
  let rows = await listTasks(ctx.db, planId);
  if (f.department !== undefined) {
    const d = f.department;
    rows = rows.filter((t) => t.owners.some((o) => o.departmentId === d));
  }
  return paginate(rows.map(presentTask), f.page, f.pageSize);
}

export type ImportResultDto = {
  planId: string;
  versionId: string;
  versionNo: number;
  created: boolean;
  diff: PlanImportResult['diff'];
};

/** Ingests an outline's text and stores it as a new version of its plan. */
export async function importText(
  ctx: AppContext,
  p: Principal,
  input: { text: string; fileName?: string | undefined; planSlug?: string | undefined },
): Promise<ImportResultDto> {
  enforce(p, canImportPlan(p));
  const model = ingestText(input.text, { fileName: input.fileName ?? null });
  const result = await importPlanVersion(ctx.db, {
    model,
    text: input.text,
    fileName: input.fileName ?? null,
    actor: actorOf(p),
    ...(input.planSlug === undefined ? {} : { planSlug: input.planSlug }),
  });
  await ensureOwnersSeeded(ctx, result.planId);
  return {
    planId: result.planId,
    versionId: result.versionId,
    versionNo: result.versionNo,
    created: result.created,
    diff: result.diff,
  };
}

/** Reads an uploaded file (text, docx or pdf) through @plantrack/formats, then imports it. */
export async function importFile(
  ctx: AppContext,
  p: Principal,
  file: { bytes: Uint8Array; fileName: string; planSlug?: string | undefined },
): Promise<ImportResultDto> {
  enforce(p, canImportPlan(p));
  let text: string;
  try {
    text = (await readDocument(file.bytes, file.fileName)).text;
  } catch (error) {
    // Only the readers' verdict on the file is the caller's fault; anything else is a bug (500).
    if (!isFormatError(error)) throw error;
    throw new ApiError(400, 'unreadable-document', error.messages);
  }
  return importText(ctx, p, { text, fileName: file.fileName, planSlug: file.planSlug });
}

export async function publish(
  ctx: AppContext,
  p: Principal,
  indicatorId: string,
  published: boolean,
): Promise<{ id: string; published: boolean }> {
  enforce(p, canPublish(p));
  await setIndicatorPublished(ctx.db, { indicatorId, published, actor: actorOf(p) });
  return { id: indicatorId, published };
}

/** The public view: published indicators of the plan's newest version and their approved values. */
export async function publicIndicators(
  ctx: AppContext,
  planId: string,
  f: IndicatorFilter,
): Promise<Page<IndicatorDto & { values: ApprovedValueDto[] }>> {
  const rows = await filterIndicators(ctx, await listIndicators(ctx.db, planId), { ...f, published: true });
  const page = paginate(rows, f.page, f.pageSize);
  const values = await approvedValues(
    ctx.db,
    page.items.map((i) => i.indicatorId),
  );
  return {
    ...page,
    items: page.items.map((i) => ({
      ...presentIndicator(i),
      values: values.filter((v) => v.indicatorId === i.indicatorId).map(presentApprovedValue),
    })),
  };
}
