import { z } from 'zod';

/** A department name or alias as written. */
export const DepartmentNameSchema = z.string().trim().min(2).max(100);

/** A department's contact person (联系人): the office calls them about late or doubtful figures. */
export const DepartmentContactSchema = z
  .object({
    name: z.string().trim().max(100).nullable(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9+\-() 转]*$/u, 'digits, spaces, + - ( ) and 转 only')
      .nullable(),
    email: z.union([z.email().max(320), z.literal('')]).nullable(),
  })
  .meta({ id: 'DepartmentContact' });

/** How much hangs on a department: indicators and tasks it owns, its active users. */
export const DepartmentUsageSchema = z.object({
  indicators: z.number().int(),
  tasks: z.number().int(),
  users: z.number().int(),
});

/** A department with its aliases. */
export const DepartmentSchema = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    canonicalName: z.string(),
    known: z.boolean(),
    aliases: z.array(z.string()),
    active: z.boolean().describe('False once deactivated: kept for history, not offered for new owners'),
    contact: DepartmentContactSchema.nullable(),
    usage: DepartmentUsageSchema,
  })
  .meta({ id: 'Department', description: 'A department (责任单位) with its other names (别名)' });

/** The shape of `DepartmentSchema`. */
export type Department = z.infer<typeof DepartmentSchema>;

/** Query of `GET /api/departments`: one region, a plan's region, or all. */
export const DepartmentsQuerySchema = z.object({
  regionCode: z.string().min(1).max(100).optional(),
  planId: z.string().min(1).max(100).optional(),
});

/** Body of `POST /api/departments`: the region given directly or as a plan's region. */
export const NewDepartmentSchema = z
  .object({
    regionCode: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('GB/T 2260 code (320412) or region name'),
    planId: z.string().min(1).max(100).optional().describe('Instead of regionCode: the region of this plan'),
    canonicalName: DepartmentNameSchema,
    aliases: z.array(DepartmentNameSchema).max(20).optional(),
    contact: DepartmentContactSchema.optional(),
  })
  .refine((b) => b.regionCode !== undefined || b.planId !== undefined, {
    error: 'Give regionCode or planId',
  });

/** Body of `POST /api/departments/{id}/aliases`. */
export const DepartmentAliasBodySchema = z.object({ alias: DepartmentNameSchema });

/** Query of the department list. */
export type DepartmentsQuery = z.infer<typeof DepartmentsQuerySchema>;
/** A department to register. */
export type NewDepartment = z.infer<typeof NewDepartmentSchema>;
/** Another name of a department. */
export type DepartmentAliasBody = z.infer<typeof DepartmentAliasBodySchema>;

/** Departments with their aliases. */
export const DepartmentListSchema = z.array(DepartmentSchema);

/** Body of `PATCH /api/departments/{id}`: rename, deactivate or reactivate, set the contact. */
export const DepartmentChangeSchema = z
  .object({
    canonicalName: DepartmentNameSchema.optional().describe('The new name; the old one stays as an alias'),
    active: z.boolean().optional(),
    contact: DepartmentContactSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: 'Change at least one field' });

/** Body of `POST /api/departments/{id}/merge`: the department kept (id). */
export const DepartmentMergeBodySchema = z.object({
  into: z.string().min(1).max(100).describe('Id of the department kept; the merged one becomes its alias'),
});

/** Answer of a merge: the kept department and what moved to it. */
export const DepartmentMergeResultSchema = z
  .object({
    kept: DepartmentSchema,
    moved: z.object({
      indicatorOwners: z.number().int(),
      taskOwners: z.number().int(),
      users: z.number().int(),
      aliases: z.array(z.string()),
    }),
  })
  .meta({ id: 'DepartmentMergeResult' });

/** A department change. */
export type DepartmentChange = z.infer<typeof DepartmentChangeSchema>;
/** A department's contact person. */
export type DepartmentContact = z.infer<typeof DepartmentContactSchema>;
/** A merge request. */
export type DepartmentMergeBody = z.infer<typeof DepartmentMergeBodySchema>;
/** A merge's answer. */
export type DepartmentMergeResult = z.infer<typeof DepartmentMergeResultSchema>;
