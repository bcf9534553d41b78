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

/** The `If-Match` header of writes guarded by a version. */
export const IfMatchHeaderSchema = z.object({
  'if-match': z.string().max(40).optional().describe('The version last read, e.g. "3"'),
});

/** Body of `PUT /api/indicators/{id}/owners`: the whole new list of owners. */
export const IndicatorOwnersUpdateSchema = z.object({
  owners: z
    .array(
      z.object({
        department: z.string().trim().min(1).max(100).describe('Department id, canonical name or alias'),
        role: OwnerRoleSchema,
      }),
    )
    .max(50),
  expectedVersion: z.number().int().min(0).optional().describe('Instead of If-Match'),
});

/** The `If-Match` header. */
export type IfMatchHeader = z.infer<typeof IfMatchHeaderSchema>;
/** Body of an owners replacement. */
export type IndicatorOwnersUpdate = z.infer<typeof IndicatorOwnersUpdateSchema>;

/** The owners of every indicator of a plan's newest version. */
export const IndicatorOwnersListSchema = z.array(IndicatorOwnersSchema);
