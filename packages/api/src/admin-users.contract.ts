import { z } from 'zod';
import { ROLE_NAMES } from './auth.contract.js';
import { PageQuerySchema } from './common.contract.js';

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
/** A created or reset user with the generated password (shown once). */
export type AdminUserWithPassword = z.infer<typeof AdminUserWithPasswordSchema>;

/** `true`/`false` in a query string, read as a boolean. */
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** Query of `GET /api/admin/users`: a page, filtered by role, department and active flag. */
export const UserFilterSchema = PageQuerySchema.extend({
  role: RoleSchema.optional(),
  department: z.string().max(100).optional().describe('Department id'),
  active: flag.describe('true or false'),
});

/**
 * Body of `POST /api/admin/users`. The password rule belongs to the server's password policy,
 * so the server passes its password schema in.
 */
export function newUserSchema<P extends z.ZodType>(password: P) {
  return z.object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(100),
    roles: RolesSchema,
    departmentId: z
      .string()
      .max(100)
      .nullable()
      .optional()
      .describe('Department id, canonical name or alias (as the owners routes accept)'),
    department: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Instead of departmentId: id, name or alias'),
    password: password.optional(),
  });
}

/** Body of `PATCH /api/admin/users/{id}`: at least one field; the password schema as above. */
export function userChangeSchema<P extends z.ZodType>(password: P) {
  return z
    .object({
      displayName: z.string().trim().min(1).max(100).optional(),
      roles: RolesSchema.optional(),
      departmentId: z
        .string()
        .max(100)
        .nullable()
        .optional()
        .describe('Department id, canonical name or alias (as the owners routes accept)'),
      department: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .describe('Instead of departmentId: id, name or alias'),
      active: z.boolean().optional(),
      password: password.optional(),
      resetPassword: z.boolean().optional().describe('Generate a new password and return it once'),
    })
    .refine((b) => Object.values(b).some((v) => v !== undefined), {
      error: 'Change at least one field',
    });
}

/** Query of the user list. */
export type UserFilter = z.input<typeof UserFilterSchema>;
/** Body of a user creation. */
export type NewUser = z.infer<ReturnType<typeof newUserSchema<z.ZodString>>>;
/** Body of a user change. */
export type UserChange = z.infer<ReturnType<typeof userChangeSchema<z.ZodString>>>;
