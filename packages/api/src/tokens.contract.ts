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

/** Body of `POST /api/me/tokens`. */
export const IssueTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Default 90; at most tokenMaxDays'),
  readOnly: z.boolean().optional().describe('Only GET requests (default false)'),
  roles: z
    .array(z.enum(ROLE_NAMES))
    .min(1)
    .max(ROLE_NAMES.length)
    .optional()
    .describe('A subset of your roles (default: all you hold now)'),
});

/** Answer of `POST /api/me/tokens`: the token with its secret, shown this once. */
export const IssuedTokenSchema = ApiTokenSchema.extend({ token: z.string() });

const TokenIdParam = z.string().min(1).max(100);

/** `:tokenId` of `DELETE /api/me/tokens/{tokenId}`. */
export const TokenIdParamsSchema = z.object({ tokenId: TokenIdParam });

/** `:id/:tokenId` of `DELETE /api/admin/users/{id}/tokens/{tokenId}`. */
export const UserTokenParamsSchema = z.object({ id: TokenIdParam, tokenId: TokenIdParam });

/** Body of a token issue. */
export type IssueTokenBody = z.infer<typeof IssueTokenBodySchema>;
/** A newly issued token with its secret. */
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;
