import { z } from 'zod';

/** A department name or alias as written. */
export const DepartmentNameSchema = z.string().trim().min(2).max(100);

/** A department with its aliases. */
export const DepartmentSchema = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    canonicalName: z.string(),
    known: z.boolean(),
    aliases: z.array(z.string()),
  })
  .meta({ id: 'Department', description: 'A department (责任单位) with its other names (别名)' });

/** The shape of `DepartmentSchema`. */
export type Department = z.infer<typeof DepartmentSchema>;

/** Query of `GET /api/departments`: one region, a plan's region, or all. */
export const DepartmentsQuerySchema = z.object({
  regionCode: z.string().min(1).max(100).optional(),
  planId: z.string().min(1).max(100).optional(),
});

/** Body of `POST /api/departments`. */
export const NewDepartmentSchema = z.object({
  regionCode: z.string().trim().min(1).max(100).describe('GB/T 2260 code (320412) or region name'),
  canonicalName: DepartmentNameSchema,
  aliases: z.array(DepartmentNameSchema).max(20).optional(),
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
