import { z } from 'zod';
import { MessagesSchema } from './common.contract.js';

/** `GET /api/me`: who is signed in. */
export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    departmentId: z.string().nullable(),
    mustChangePassword: z
      .boolean()
      .describe('An administrator set the password: only POST /api/me/password is open until it changes'),
  })
  .meta({ id: 'Me' });

/** `GET /api/auth/password-policy`: the shortest password allowed and the rule in words. */
export const PasswordPolicySchema = z.object({ minLength: z.number().int(), messages: MessagesSchema });

/** The password rule. */
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

/**
 * The roles as the API names them. The store defines them (`ROLES` in @plantrack/db); the contract
 * names them again so clients need not depend on the store, and a server test keeps the two equal.
 */
export const ROLE_NAMES = [
  'administrator',
  'planning_office',
  'department_reporter',
  'reviewer',
  'leader',
  'public',
] as const;

/** A role as the API names it. */
export type Role = (typeof ROLE_NAMES)[number];

/** Who is signed in; the roles are always the store's (the schema documents them as strings). */
export type Me = Omit<z.infer<typeof MeSchema>, 'roles'> & { roles: Role[] };
