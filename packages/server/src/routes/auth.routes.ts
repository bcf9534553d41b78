import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookies, setSessionCookies } from '../auth/authenticate.js';
import type { AppContext } from '../context.js';
import { issueToken, me, signIn } from '../services/auth.service.js';
import { requireSignedIn } from '../policies/policy.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { ProblemSchema, errorResponses } from './common.schema.js';
import { SignInThrottle } from '../auth/sign-in-throttle.js';
import { ApiError } from '../errors.js';

const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    departmentId: z.string().nullable(),
  })
  .meta({ id: 'Me' });

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
        body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1000) }),
        response: {
          200: z.object({ user: MeSchema, csrfToken: z.string() }),
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
        response: { 204: z.null(), ...errorResponses },
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

  app.post(
    '/api/me/tokens',
    {
      config: { changesReadModels: false },
      schema: {
        tags: ['auth'],
        summary: 'Issue an API token for machine clients (shown once)',
        body: z.object({
          name: z.string().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: {
          201: z.object({ id: z.string(), token: z.string(), expiresAt: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await issueToken(ctx, request.principal, request.body)),
  );
  done();
};
