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

/** A reference series with its values in force, earlier revisions and linked indicators. */
export const ReferenceSeriesWithValuesSchema = ReferenceSeriesSchema.extend({
  values: z.array(ReferenceValueSchema).describe('Values in force: the newest revision of each period'),
  superseded: z.array(ReferenceValueSchema).describe('Earlier revisions, kept'),
  linkedIndicatorKeys: z.array(z.string()),
}).meta({ id: 'ReferenceSeriesWithValues' });

/** A reference series with its values. */
export type ReferenceSeriesWithValues = z.infer<typeof ReferenceSeriesWithValuesSchema>;
