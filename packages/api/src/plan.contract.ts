import { z } from 'zod';
import { PageQuerySchema } from './common.contract.js';
import { ObservationRevisionSchema } from './record.contract.js';

/** A plan and its newest version. */
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

/** A parsed target: its text and kind; the rest as the plan model has it. */
export const TargetSchema = z
  .object({ text: z.string(), kind: z.string() })
  .loose()
  .meta({ id: 'Target', description: 'The parsed target (see docs/plan-model.schema.json).' });

/** An indicator of the newest version, with where it stands in the source text. */
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

/** The approved value of one period and scope. */
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

/** A task (measure) with its lead and co-lead departments. */
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

/** A plan as listed. */
export type Plan = z.infer<typeof PlanSchema>;
/** An indicator as the API returns it. */
export type Indicator = z.infer<typeof IndicatorSchema>;
/** A task as the API returns it. */
export type Task = z.infer<typeof TaskSchema>;
/** An approved value as the API returns it. */
export type ApprovedValue = z.infer<typeof ApprovedValueSchema>;

/** `GET /api/plans/{planId}/indicators` query: a page, filtered. */
export const IndicatorFilterSchema = PageQuerySchema.extend({
  group: z.string().max(100).optional().describe('Indicator group (类别), e.g. 高质量发展指标'),
  department: z.string().max(100).optional().describe('Department id: indicators assigned to it'),
  attribute: z.enum(['预期性', '约束性']).optional(),
});

/** `POST /api/plans/import` and `/import/file`: the version stored and what changed. */
export const ImportResultSchema = z
  .object({
    planId: z.string(),
    versionId: z.string(),
    versionNo: z.number().int(),
    created: z.boolean(),
    diff: z.object({
      added: z.array(z.unknown()),
      removed: z.array(z.unknown()),
      changed: z.array(z.unknown()),
    }),
  })
  .meta({ id: 'ImportResult' });

/** The shape of `ImportResultSchema`. */
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** `GET /api/indicators/{id}`: an indicator, its values in force and (for those allowed) the latest revisions. */
export const IndicatorDetailSchema = z.object({
  indicator: IndicatorSchema,
  inForce: z.array(ApprovedValueSchema),
  latest: z.array(ObservationRevisionSchema).nullable(),
});

/** An indicator with its values in force. */
export type IndicatorDetail = z.infer<typeof IndicatorDetailSchema>;

/** Body of `PATCH /api/indicators/{id}/publish`. */
export const PublishBodySchema = z.object({ published: z.boolean() });

/** Answer of `PATCH /api/indicators/{id}/publish`. */
export const PublishResultSchema = z.object({ id: z.string(), published: z.boolean() });

/** Query of `GET /api/plans/{planId}/tasks`: a page, optionally of one department. */
export const TaskFilterSchema = PageQuerySchema.extend({ department: z.string().max(100).optional() });

/** Body of `POST /api/plans/import`: an outline given as text. */
export const ImportTextBodySchema = z.object({
  text: z.string().min(1),
  fileName: z.string().max(255).optional(),
  planSlug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/)
    .optional(),
});

/** A published indicator with its approved values (public list). */
export const PublicIndicatorSchema = IndicatorSchema.extend({ values: z.array(ApprovedValueSchema) });

/** Body of a publish change. */
export type PublishBody = z.infer<typeof PublishBodySchema>;
/** Answer of a publish change. */
export type PublishResult = z.infer<typeof PublishResultSchema>;
/** Query of the task list. */
export type TaskFilter = z.input<typeof TaskFilterSchema>;
/** Body of a text import. */
export type ImportTextBody = z.infer<typeof ImportTextBodySchema>;
/** A published indicator with its approved values. */
export type PublicIndicator = z.infer<typeof PublicIndicatorSchema>;

/** The plans the caller may see. */
export const PlanListSchema = z.array(PlanSchema);
