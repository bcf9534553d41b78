import { z } from 'zod';

/** See the route that uses it. */
export const ExportBaselineSchema = z.object({
  year: z.number().int().nullable(),
  value: z.number().nullable(),
  text: z.string(),
  estimated: z.boolean(),
});

/** See the route that uses it. */
export const PublishedObservationSchema = z.object({
  period: z.string(),
  scope: z.string(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  estimated: z.boolean(),
  source: z.string().nullable(),
  approvedAt: z.string(),
});

/** See the route that uses it. */
export const PublishedIndicatorSchema = z.object({
  id: z.string(),
  group: z.string().nullable(),
  seq: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  attribute: z.string().nullable(),
  baseline: ExportBaselineSchema.nullable(),
  target: z.string(),
  scope: z.string().nullable(),
  observations: z.array(PublishedObservationSchema),
});

/** See the route that uses it. */
export const PlanExportSchema = z
  .object({
    plan: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
    generatedAt: z.string(),
    indicators: z.array(PublishedIndicatorSchema),
  })
  .meta({ id: 'PlanExport' });

/** The shape of `PlanExportSchema`. */
export type PlanExport = z.infer<typeof PlanExportSchema>;
