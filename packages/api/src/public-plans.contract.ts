import { z } from 'zod';

/** `GET /api/public/plans` rows: a plan with published indicators. */
export const PublicPlanSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    regionCode: z.string().nullable(),
    publishedIndicators: z.number().int().describe('How many of its indicators are published'),
  })
  .meta({ id: 'PublicPlan', description: 'A plan with published indicators, as the public view lists it' });

/** The shape of `PublicPlanSchema`. */
export type PublicPlan = z.infer<typeof PublicPlanSchema>;

/** The published plans. */
export const PublicPlanListSchema = z.array(PublicPlanSchema);
