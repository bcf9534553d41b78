import { z } from 'zod';

/** The baseline of a published indicator in the export. */
export const ExportBaselineSchema = z.object({
  year: z.number().int().nullable(),
  value: z.number().nullable(),
  text: z.string(),
  estimated: z.boolean(),
});

/** An approved value in force in the export. */
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

/** A published indicator and its values in the export. */
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

/** `GET /api/public/plans/{planId}/export.json`: the published indicators and their values. */
export const PlanExportSchema = z
  .object({
    plan: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
    generatedAt: z.string(),
    indicators: z.array(PublishedIndicatorSchema),
  })
  .meta({ id: 'PlanExport' });

/** The shape of `PlanExportSchema`. */
export type PlanExport = z.infer<typeof PlanExportSchema>;

/** One approved value in an export. */
export type PublishedObservation = z.infer<typeof PublishedObservationSchema>;
/** An indicator's baseline in an export. */
export type ExportBaseline = z.infer<typeof ExportBaselineSchema>;

/** `GET /api/public/plans/{planId}/export.csv`: the CSV text (documented, not validated). */
export const PlanExportCsvSchema = z
  .any()
  .describe('text/csv: one row per approved value (or per indicator without one)');
