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

/** Body of `POST /api/auth/sign-in`. */
export const SignInBodySchema = z.object({
  email: z.string().min(3).max(320),
  password: z.string().min(1).max(1000),
});

/** Answer of `POST /api/auth/sign-in`: the user and the CSRF token for later writes. */
export const SignInResultSchema = z.object({ user: MeSchema, csrfToken: z.string() });

/** An empty response (204). */
export const NoContentSchema = z.null();

/** Body of `POST /api/auth/sign-in`. */
export type SignInBody = z.infer<typeof SignInBodySchema>;
/** Answer of `POST /api/auth/sign-in`. */
export type SignInResult = z.infer<typeof SignInResultSchema>;

/**
 * Body of `POST /api/me/password`. The new password's rule belongs to the server's password
 * policy, so the server passes its schema in.
 */
export function passwordChangeSchema<P extends z.ZodType>(newPassword: P) {
  return z.object({ currentPassword: z.string().min(1).max(1000), newPassword });
}

/** Body of a password change. */
export type PasswordChange = z.infer<ReturnType<typeof passwordChangeSchema<z.ZodString>>>;
