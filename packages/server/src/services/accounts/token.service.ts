import {
  type ApiToken,
  type Role,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  findUserById,
} from '@plantrack/db';
import { newApiToken } from '../../auth/api-token.js';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError, notFound } from '../../errors.js';
import { canManageUsers } from '../../policies/admin.policy.js';
import { enforce, requireSignedIn } from '../../policies/policy.js';

/** Lifetime of a token issued without one asked for. */
export const DEFAULT_TOKEN_DAYS = 90;

/** What a client asks for when issuing a token. */
export type TokenRequest = {
  name: string;
  expiresInDays?: number | undefined;
  /** Only GET, HEAD and OPTIONS (default false). */
  readOnly?: boolean | undefined;
  /** A subset of the owner's current roles (default: all of them, as they are now). */
  roles?: Role[] | undefined;
};

/** An issued token: the secret, shown this once, and how it is stored. */
export type IssuedToken = ApiToken & { token: string };

/**
 * Issues an API token for the signed-in user. Only a browser session may: a token minting tokens
 * would let a leaked token outlive its own revocation and expiry. The scope can never exceed the
 * owner's roles; when the owner later loses a role, so does the token (see authenticate.ts).
 */
export async function issueToken(ctx: AppContext, p: Principal, input: TokenRequest): Promise<IssuedToken> {
  requireSignedIn(p);
  if (p.via !== 'session') {
    throw new ApiError(403, 'token-needs-session', {
      zh: '只能在登录后的浏览器会话中创建 API 令牌，不能用 API 令牌创建令牌。',
      en: 'API tokens can only be issued from a signed-in session, not with another API token.',
    });
  }
  const days = input.expiresInDays ?? Math.min(DEFAULT_TOKEN_DAYS, ctx.config.tokenMaxDays);
  if (days > ctx.config.tokenMaxDays) {
    throw new ApiError(400, 'token-lifetime', {
      zh: `API 令牌有效期最长 ${String(ctx.config.tokenMaxDays)} 天。`,
      en: `An API token lives at most ${String(ctx.config.tokenMaxDays)} days.`,
    });
  }
  const roles = input.roles ?? [...p.roles];
  const beyond = roles.filter((r) => !p.roles.includes(r));
  if (beyond.length > 0) {
    throw new ApiError(400, 'token-roles-exceed', {
      zh: `令牌的角色不能超出您本人的角色：${beyond.join('、')}`,
      en: `A token cannot hold roles you do not hold: ${beyond.join(', ')}`,
    });
  }
  const { token, tokenHash } = newApiToken();
  const stored = await createApiToken(ctx.db, {
    userId: actorOf(p),
    name: input.name,
    tokenHash,
    expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
    readOnly: input.readOnly ?? false,
    roles,
  });
  return { ...stored, token };
}

/** The caller's own tokens (a session or any of their tokens may list them). */
export async function ownTokens(ctx: AppContext, p: Principal): Promise<ApiToken[]> {
  requireSignedIn(p);
  return listApiTokens(ctx.db, actorOf(p));
}

/** Revokes one of the caller's own tokens; it stops working at once in this process. */
export async function revokeOwnToken(ctx: AppContext, p: Principal, tokenId: string): Promise<ApiToken> {
  requireSignedIn(p);
  return revoke(ctx, actorOf(p), tokenId, actorOf(p));
}

/** Any user's tokens (administrators). */
export async function userTokens(ctx: AppContext, p: Principal, userId: string): Promise<ApiToken[]> {
  enforce(p, canManageUsers(p));
  if ((await findUserById(ctx.db, userId)) === undefined) throw notFound(`user ${userId}`);
  return listApiTokens(ctx.db, userId);
}

/** Revokes any user's token (administrators). */
export async function revokeUserToken(
  ctx: AppContext,
  p: Principal,
  userId: string,
  tokenId: string,
): Promise<ApiToken> {
  enforce(p, canManageUsers(p));
  return revoke(ctx, userId, tokenId, actorOf(p));
}

async function revoke(ctx: AppContext, userId: string, tokenId: string, actor: string): Promise<ApiToken> {
  const revoked = await revokeApiToken(ctx.db, { userId, tokenId, actor });
  if (revoked === undefined) throw notFound(`API token ${tokenId}`);
  ctx.tokenPrincipals.forgetToken(tokenId);
  return revoked;
}
