import type {
  ApprovedValue as ApprovedValueDto,
  Indicator as IndicatorDto,
  Plan as PlanDto,
  Task as TaskDto,
} from '@plantrack/api';
import type { ApprovedValue, IndicatorRow, PlanSummaryRow, TaskRow } from '@plantrack/db';

/** The contract's types, under the names the services know them by. */
export type { ApprovedValueDto, IndicatorDto, PlanDto, TaskDto };

export function presentPlan(p: PlanSummaryRow): PlanDto {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    regionCode: p.regionCode,
    latestVersionId: p.latestVersionId,
    latestVersionNo: p.latestVersionNo,
  };
}

export function presentIndicator(i: IndicatorRow): IndicatorDto {
  return {
    id: i.indicatorId,
    key: i.indicatorKey,
    seq: i.seq,
    group: i.groupName,
    name: i.name,
    unit: i.unit,
    attribute: i.attribute,
    direction: i.direction,
    target: i.target,
    scope: i.scope,
    published: i.published,
    source: i.source,
  };
}

export function presentTask(t: TaskRow): TaskDto {
  return {
    id: t.taskId,
    key: t.taskKey,
    measure: t.measure,
    clause: t.clause,
    nodeKey: t.nodeKey,
    owners: t.owners.map((o) => ({ departmentId: o.departmentId, name: o.canonicalName, role: o.role })),
  };
}

export function presentApprovedValue(v: ApprovedValue): ApprovedValueDto {
  return {
    period: v.period,
    scope: v.scope,
    value: v.value,
    valueText: v.valueText,
    unit: v.unit,
    estimated: v.estimated,
    revisionNo: v.revisionNo,
    approvedAt: v.approvedAt,
  };
}
