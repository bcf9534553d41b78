import { z } from 'zod';

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
