import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookies, setSessionCookies } from '../auth/authenticate.js';
import type { AppContext } from '../context.js';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy.js';
import { me, signIn } from '../services/accounts/auth.service.js';
import { changeOwnPassword, passwordPolicy } from '../services/accounts/password.service.js';
import { requireSignedIn } from '../policies/policy.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import {
  errorResponses,
  MeSchema,
  NoContentSchema,
  passwordChangeSchema,
  PasswordPolicySchema,
  ProblemSchema,
  SignInBodySchema,
  SignInResultSchema,
} from '@plantrack/api';
import { SignInThrottle } from '../auth/sign-in-throttle.js';
import { ApiError } from '../errors.js';
import { tokenRoutes } from './tokens.routes.js';

export const authRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  // The per-route rate limit below counts attempts per client address (the real client's when a
  // proxy is trusted); this one counts failures per account, from every address.
  const throttle = new SignInThrottle(ctx.config.accountSignInLimit);
  app.post(
    '/api/auth/sign-in',
    {
      config: {
        changesReadModels: false,
        rateLimit: {
          max: ctx.config.signInRateLimit.max,
          timeWindow: ctx.config.signInRateLimit.timeWindowMs,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session and CSRF cookies',
        body: SignInBodySchema,
        response: {
          200: SignInResultSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      throttle.check(request.body.email);
      const { session, user } = await signIn(ctx, request.body).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) throttle.failed(request.body.email);
        throw error;
      });
      throttle.succeeded(request.body.email);
      setSessionCookies(ctx, request, reply, session);
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { changesReadModels: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session)',
        response: { 204: NoContentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.principal);
      const id = request.cookies[SESSION_COOKIE];
      if (id !== undefined) await ctx.sessions.delete(id);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (request) => me(ctx, request.principal),
  );

  app.get(
    '/api/auth/password-policy',
    {
      schema: {
        tags: ['auth'],
        summary: 'The password policy in words (zh/en) and the minimum length',
        response: { 200: PasswordPolicySchema },
      },
    },
    () => passwordPolicy(),
  );

  app.post(
    '/api/me/password',
    {
      config: {
        changesReadModels: false,
        // Guessing the current password through a session left open is throttled like sign-in.
        rateLimit: {
          max: ctx.config.signInRateLimit.max,
          timeWindow: ctx.config.signInRateLimit.timeWindowMs,
        },
      },
      schema: {
        tags: ['auth'],
        summary:
          'Change my password (session only; current password required); ends my other sessions and revokes my API tokens',
        // The new password's limit comes from the server's password policy.
        body: passwordChangeSchema(z.string().min(1).max(PASSWORD_MAX_LENGTH)),
        response: { 204: NoContentSchema, 429: ProblemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, request.principal, request.cookies[SESSION_COOKIE], request.body);
      return reply.code(204).send(null);
    },
  );

  app.register(tokenRoutes, { ctx });
  done();
};
