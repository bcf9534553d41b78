import { z } from 'zod';

/**
 * An owner's part: lead (牵头) or co (配合). The store defines them (`OWNER_ROLES` in @plantrack/db);
 * a server test keeps the two lists equal.
 */
export const OWNER_ROLE_NAMES = ['lead', 'co'] as const;

/** An owner's part in reporting an indicator. */
export const OwnerRoleSchema = z.enum(OWNER_ROLE_NAMES).describe('lead (牵头) or co (配合)');

/** The departments that report an indicator. */
export const IndicatorOwnersSchema = z
  .object({
    indicatorId: z.string(),
    indicatorKey: z.string(),
    name: z.string(),
    seq: z.string().nullable(),
    version: z.number().int().describe('Send it back as If-Match (or expectedVersion) when updating'),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    owners: z.array(
      z.object({
        departmentId: z.string(),
        departmentName: z.string(),
        role: OwnerRoleSchema,
        assignedAt: z.string(),
        assignedBy: z.string(),
      }),
    ),
  })
  .meta({ id: 'IndicatorOwners', description: 'The departments that report an indicator' });

/** An indicator's owners as the API returns them. */
export type IndicatorOwners = z.infer<typeof IndicatorOwnersSchema>;
