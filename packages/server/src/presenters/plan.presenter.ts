import type { ApprovedValue, IndicatorRow, PlanSummaryRow, TaskRow } from '@plantrack/db';
import { z } from 'zod';

export const PlanSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    regionCode: z.string().nullable(),
    latestVersionId: z.string().nullable(),
    latestVersionNo: z.number().int().nullable(),
  })
  .meta({ id: 'Plan' });

export const TargetSchema = z
  .object({ text: z.string(), kind: z.string() })
  .loose()
  .meta({ id: 'Target', description: 'The parsed target (see docs/plan-model.schema.json).' });

export const IndicatorSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    seq: z.string(),
    group: z.string().nullable(),
    name: z.string(),
    unit: z.string().nullable(),
    attribute: z.string().nullable(),
    direction: z.string().nullable(),
    target: TargetSchema,
    scope: z.string().nullable(),
    published: z.boolean(),
    source: z.object({ start: z.number(), end: z.number(), lineStart: z.number(), lineEnd: z.number() }),
  })
  .meta({ id: 'Indicator' });

export const ApprovedValueSchema = z
  .object({
    period: z.string(),
    scope: z.string(),
    value: z.number().nullable(),
    valueText: z.string().nullable(),
    unit: z.string().nullable(),
    estimated: z.boolean(),
    revisionNo: z.number().int(),
    approvedAt: z.string(),
  })
  .meta({ id: 'ApprovedValue' });

export const TaskSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    measure: z.string(),
    clause: z.string(),
    nodeKey: z.string(),
    owners: z.array(
      z.object({ departmentId: z.string(), name: z.string(), role: z.enum(['lead', 'co_lead']) }),
    ),
  })
  .meta({ id: 'Task' });

export type PlanDto = z.infer<typeof PlanSchema>;
export type IndicatorDto = z.infer<typeof IndicatorSchema>;
export type TaskDto = z.infer<typeof TaskSchema>;
export type ApprovedValueDto = z.infer<typeof ApprovedValueSchema>;

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
