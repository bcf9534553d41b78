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

/** The shape of `MeSchema`. */
export type Me = z.infer<typeof MeSchema>;

/** `GET /api/auth/password-policy`: the shortest password allowed and the rule in words. */
export const PasswordPolicySchema = z.object({ minLength: z.number().int(), messages: MessagesSchema });

/** The password rule. */
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;
