import { z } from 'zod';

/** A plan's review rules. */
export const ReviewSettingsSchema = z
  .object({
    planId: z.string(),
    officeSelfReview: z
      .boolean()
      .describe(
        'A planning office user who entered data for a department (belonging to none of its owning ' +
          'departments) may approve or return it themselves; each such decision is marked selfReviewed',
      ),
    evidenceRequired: z
      .boolean()
      .describe(
        'Every submitted value should come with evidence (提交时须附证明材料); a value submitted ' +
          'without a file carries the evidence-missing quality warning',
      ),
    revisionNo: z.number().int().describe('0 while the defaults apply (four-eyes without exception)'),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'ReviewSettings', description: "A plan's review rules" });

/** The shape of `ReviewSettingsSchema`. */
export type ReviewSettings = z.infer<typeof ReviewSettingsSchema>;

/** Body of `PUT /api/plans/{planId}/review-settings`. */
export const ReviewSettingsUpdateSchema = z.object({
  expectedRevision: z.number().int().min(0).describe('The revision the edit started from (0: none)'),
  officeSelfReview: z.boolean().optional().describe('Left out: unchanged'),
  evidenceRequired: z.boolean().optional().describe('Left out: unchanged'),
});

/** Body of a review-settings change. */
export type ReviewSettingsUpdate = z.infer<typeof ReviewSettingsUpdateSchema>;
