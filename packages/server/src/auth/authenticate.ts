import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { findTokenUser, findUserById, type UserRecord } from '../repositories/user.repository.js';
import { hashApiToken } from './api-token.js';
import { ANONYMOUS, type Principal } from './principal.js';

export const SESSION_COOKIE = 'pt_session';
export const CSRF_COOKIE = 'pt_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function principalOf(user: UserRecord, via: 'session' | 'token'): Principal {
  return {
    userId: user.id,
    roles: user.roles,
    departmentIds: user.departmentId === null ? [] : [user.departmentId],
    via,
  };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves who is calling. `Authorization: Bearer ptk_…` (machine clients; no CSRF, since browsers
 * never attach it by themselves) or the session cookie. Cookie-authenticated unsafe requests must
 * echo the session's CSRF token in `x-csrf-token` and in the `pt_csrf` cookie (double submit, bound
 * to the session). A bad token or session is 401, not anonymous, so clients notice.
 */
export async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) return authenticateToken(ctx, header);
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === '') return ANONYMOUS;
  const session = await ctx.sessions.get(sessionId);
  if (session === undefined) return ANONYMOUS;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    if (
      typeof sent !== 'string' ||
      cookie === undefined ||
      !same(sent, session.csrfToken) ||
      !same(cookie, sent)
    ) {
      throw new ApiError(403, 'csrf', {
        zh: '缺少或错误的 CSRF 令牌，请刷新页面后重试。',
        en: 'Missing or wrong CSRF token; reload the page and try again.',
      });
    }
  }
  const user = await findUserById(ctx.db, session.userId);
  if (user === undefined || !user.active) {
    // A deactivated user is signed out everywhere, not only in this browser.
    await ctx.sessions.deleteForUser(session.userId);
    return ANONYMOUS;
  }
  return principalOf(user, 'session');
}

async function authenticateToken(ctx: AppContext, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const tokenHash = match?.[1] === undefined ? null : hashApiToken(match[1]);
  const known = tokenHash === null ? undefined : ctx.tokenPrincipals.get(tokenHash);
  if (known !== undefined) return known;
  const found = tokenHash === null ? undefined : await findTokenUser(ctx.db, tokenHash);
  if (tokenHash === null || found === undefined || !found.user.active) {
    throw new ApiError(401, 'bad-token', {
      zh: 'API 令牌无效或已过期。',
      en: 'Invalid or expired API token.',
    });
  }
  const principal = principalOf(found.user, 'token');
  ctx.tokenPrincipals.remember(tokenHash, principal, found.expiresAt);
  return principal;
}

/**
 * Whether cookies get `Secure`: always, never, or (`auto`) when this request came over TLS — as
 * a trusted proxy reports it — or the service's public address is https.
 */
export function secureFor(ctx: AppContext, request: FastifyRequest): boolean {
  const s = ctx.config.secureCookies;
  if (s !== 'auto') return s;
  return request.protocol === 'https' || (ctx.config.publicUrl?.startsWith('https:') ?? false);
}

export function setSessionCookies(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  session: { id: string; csrfToken: string },
): void {
  const secure = secureFor(ctx, request);
  const maxAge = Math.floor(ctx.config.sessionTtlMs / 1000);
  reply.setCookie(SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge,
  });
  // Readable by the web app's script, which echoes it in x-csrf-token.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, {
    httpOnly: false,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge,
  });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
