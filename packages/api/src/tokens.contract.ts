import { z } from 'zod';
import { ROLE_NAMES } from './auth.contract.js';

/** An API token without its secret. */
export const ApiTokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().describe('Recorded at most once a minute'),
    readOnly: z.boolean(),
    roles: z
      .array(z.enum(ROLE_NAMES))
      .nullable()
      .describe('Roles chosen at issue; the token acts with those its owner still holds'),
  })
  .meta({ id: 'ApiToken', description: 'An API token without its secret' });

/** `GET /api/me/tokens` and a user's tokens. */
export const TokenListSchema = z.object({ items: z.array(ApiTokenSchema) });

/** An API token as listed. */
export type ApiToken = z.infer<typeof ApiTokenSchema>;
