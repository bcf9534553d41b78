import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '@plantrack/db';
import type { ServerConfig } from '../config.js';
import { ApiError } from '../errors.js';
import { findLiveApiToken, findUserById, type UserRecord } from '@plantrack/db';
import { hashApiToken } from './api-token.js';
import { ANONYMOUS, type Principal } from './principal.js';
import type { SessionStore } from './session.store.js';
import type { TokenPrincipals } from './token-principals.js';

/**
 * What authentication needs of the app's context (AppContext has all of it). Declared here so that
 * auth does not depend on the context, which holds auth's own stores.
 */
export type AuthContext = {
  db: DatabaseHandle['db'];
  config: ServerConfig;
  sessions: SessionStore;
  tokenPrincipals: TokenPrincipals;
};

export const SESSION_COOKIE = 'pt_session';
export const CSRF_COOKIE = 'pt_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sessionPrincipal(user: UserRecord): Principal {
  return {
    userId: user.id,
    roles: user.roles,
    departmentIds: user.departmentId === null ? [] : [user.departmentId],
    via: 'session',
    mustChangePassword: user.mustChangePassword,
  };
}

/** Routes open to a user who must first change the password an administrator set. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set([
  'POST /api/me/password',
  'GET /api/me',
  'GET /api/auth/password-policy',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
]);

/**
 * What a principal may not do whatever the route: a read-only token writes nothing, and a user who
 * must change the password an administrator set reaches nothing but the password change, /api/me and
 * signing in or out. Checked here, once for every route, so no route can forget it.
 */
function enforceRestrictions(request: FastifyRequest, principal: Principal): Principal {
  if (principal.token?.readOnly === true && !SAFE_METHODS.has(request.method)) {
    throw new ApiError(403, 'token-read-only', {
      zh: '此 API 令牌为只读，不能修改数据。',
      en: 'This API token is read-only; it cannot change anything.',
    });
  }
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  if (
    principal.mustChangePassword === true &&
    request.url.startsWith('/api/') &&
    !OPEN_BEFORE_PASSWORD_CHANGE.has(route)
  ) {
    throw new ApiError(403, 'password-change-required', {
      zh: '管理员重置了您的密码，请先修改密码。',
      en: 'An administrator reset your password; change it before going on.',
    });
  }
  return principal;
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
export async function authenticate(ctx: AuthContext, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) return enforceRestrictions(request, await authenticateToken(ctx, header));
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
  return enforceRestrictions(request, sessionPrincipal(user));
}

async function authenticateToken(ctx: AuthContext, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const tokenHash = match?.[1] === undefined ? null : hashApiToken(match[1]);
  const known = tokenHash === null ? undefined : ctx.tokenPrincipals.get(tokenHash);
  if (known !== undefined) return known;
  const generation = ctx.tokenPrincipals.generation();
  const token = tokenHash === null ? undefined : await findLiveApiToken(ctx.db, tokenHash);
  const user = token === undefined ? undefined : await findUserById(ctx.db, token.userId);
  if (tokenHash === null || token === undefined || user === undefined || !user.active) {
    throw new ApiError(401, 'bad-token', {
      zh: 'API 令牌无效、已过期或已撤销。',
      en: 'Invalid, expired or revoked API token.',
    });
  }
  // The token acts with the roles chosen at issue that its owner holds now: demoting the owner
  // demotes the token, and promoting the owner does not promote it.
  const chosen = token.roles;
  const principal: Principal = {
    userId: user.id,
    roles: chosen === null ? user.roles : user.roles.filter((r) => chosen.includes(r)),
    departmentIds: user.departmentId === null ? [] : [user.departmentId],
    via: 'token',
    token: { id: token.id, readOnly: token.readOnly },
    mustChangePassword: user.mustChangePassword,
  };
  ctx.tokenPrincipals.remember(tokenHash, principal, token.expiresAt, Date.now(), generation);
  return principal;
}

/**
 * Whether cookies get `Secure`: always, never, or (`auto`) when this request came over TLS — as
 * a trusted proxy reports it — or the service's public address is https.
 */
export function secureFor(ctx: AuthContext, request: FastifyRequest): boolean {
  const s = ctx.config.secureCookies;
  if (s !== 'auto') return s;
  return request.protocol === 'https' || (ctx.config.publicUrl?.startsWith('https:') ?? false);
}

export function setSessionCookies(
  ctx: AuthContext,
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
