import { z } from 'zod';
import { ROLE_NAMES } from './auth.contract.js';

/** A role as the API names it. */
export const RoleSchema = z
  .enum(ROLE_NAMES)
  .describe('administrator, planning_office, department_reporter, reviewer, leader, public');

/** The roles a user holds (at least one). */
export const RolesSchema = z
  .array(RoleSchema)
  .min(1)
  .max(ROLE_NAMES.length)
  .describe('The roles the user holds (usually one)');

/** A user as administrators see it. */
export const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminUser', description: 'A user as administrators see it (no password hash)' });

/** A created or reset user with the generated password, shown once. */
export const AdminUserWithPasswordSchema = z
  .object({
    user: AdminUserSchema,
    generatedPassword: z
      .string()
      .nullable()
      .describe('The password the server generated, shown this once; null when the caller gave one'),
  })
  .meta({ id: 'AdminUserWithPassword' });

/** A user as administrators see it. */
export type AdminUser = z.infer<typeof AdminUserSchema>;
