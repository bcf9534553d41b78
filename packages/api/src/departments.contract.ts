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
