import { z } from 'zod';

/**
 * The kinds of reference series. The store defines them (`REFERENCE_KINDS` in @plantrack/db); a
 * server test keeps the two lists equal.
 */
export const REFERENCE_KIND_NAMES = ['city-average', 'external-target', 'other'] as const;

/** One revision of a reference value. */
export const ReferenceValueSchema = z.object({
  id: z.string(),
  seriesId: z.string(),
  period: z.string(),
  revisionNo: z.number().int(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  estimated: z.boolean(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

/** One revision of a reference value. */
export type ReferenceValue = z.infer<typeof ReferenceValueSchema>;

/** A reference series (参照值). */
export const ReferenceSeriesSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    key: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    scope: z.string().nullable(),
    source: z.string().nullable(),
    kind: z.enum(REFERENCE_KIND_NAMES),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'ReferenceSeries', description: 'A reference series (参照值)' });

/** A reference series without its values. */
export type ReferenceSeries = z.infer<typeof ReferenceSeriesSchema>;

/** A reference series with its values in force, earlier revisions and linked indicators. */
export const ReferenceSeriesWithValuesSchema = ReferenceSeriesSchema.extend({
  values: z.array(ReferenceValueSchema).describe('Values in force: the newest revision of each period'),
  superseded: z.array(ReferenceValueSchema).describe('Earlier revisions, kept'),
  linkedIndicatorKeys: z.array(z.string()),
}).meta({ id: 'ReferenceSeriesWithValues' });

/** A reference series with its values. */
export type ReferenceSeriesWithValues = z.infer<typeof ReferenceSeriesWithValuesSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Body of `POST /api/plans/{planId}/reference-series`. */
export const NewReferenceSeriesSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .describe('Stable key within the plan, e.g. changzhou-gdp-growth'),
  name: text(200).describe('Name in Chinese, e.g. 常州市地区生产总值增长'),
  kind: z.enum(REFERENCE_KIND_NAMES),
  unit: text(50).nullable().optional(),
  scope: text(200).nullable().optional(),
  source: text(500).nullable().optional(),
});

/** `:seriesId` of a route about one reference series. */
export const SeriesIdParamsSchema = z.object({ seriesId: z.string().min(1).max(100) });

/** Body of `POST /api/reference-series/{seriesId}/values`: a value for a year. */
export const NewReferenceValueSchema = z.object({
  period: z.string().regex(/^\d{4}$/),
  value: z.number().nullable(),
  valueText: z.string().max(200).nullable().optional(),
  estimated: z.boolean().optional(),
  source: z.string().max(500).nullable().optional(),
  note: z.string().max(1000).nullable().optional(),
});

/** Body of `PUT /api/indicators/{id}/reference-series` (null: unlink). */
export const SeriesLinkBodySchema = z.object({ seriesId: z.string().min(1).max(100).nullable() });

/** Answer of `PUT /api/indicators/{id}/reference-series`. */
export const SeriesLinkSchema = z.object({
  planId: z.string(),
  indicatorKey: z.string(),
  seriesId: z.string().nullable(),
});

/** A reference series to create. */
export type NewReferenceSeries = z.infer<typeof NewReferenceSeriesSchema>;
/** A reference value to record. */
export type NewReferenceValue = z.infer<typeof NewReferenceValueSchema>;
/** Body of a series link. */
export type SeriesLinkBody = z.infer<typeof SeriesLinkBodySchema>;
/** An indicator's link to a reference series. */
export type SeriesLink = z.infer<typeof SeriesLinkSchema>;

/** The reference series of a plan with their values. */
export const ReferenceSeriesListSchema = z.array(ReferenceSeriesWithValuesSchema);
