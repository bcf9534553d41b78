import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import {
  issueToken,
  ownTokens,
  revokeOwnToken,
  revokeUserToken,
  userTokens,
} from '../services/accounts/token.service.js';
import {
  ApiTokenSchema,
  errorResponses,
  IdParamsSchema,
  IssuedTokenSchema,
  IssueTokenBodySchema,
  TokenIdParamsSchema,
  TokenListSchema,
  UserTokenParamsSchema,
} from '@plantrack/api';

/**
 * API tokens: issue (from a session only), list and revoke one's own; administrators list and
 * revoke anyone's. Tokens change nothing dashboards or searches show.
 */
export const tokenRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  const config = { changesReadModels: false };

  app.post(
    '/api/me/tokens',
    {
      config,
      schema: {
        tags: ['auth'],
        summary:
          'Issue an API token (shown once) from a signed-in session; default 90 days, scope read-only and/or a subset of your roles',
        body: IssueTokenBodySchema,
        response: { 201: IssuedTokenSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await issueToken(ctx, request.principal, request.body)),
  );

  app.get(
    '/api/me/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'My API tokens, newest first (revoked and expired ones too)',
        response: { 200: TokenListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await ownTokens(ctx, request.principal) }),
  );

  app.delete(
    '/api/me/tokens/:tokenId',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of my API tokens (at once)',
        params: TokenIdParamsSchema,
        response: { 200: ApiTokenSchema, ...errorResponses },
      },
    },
    async (request) => revokeOwnToken(ctx, request.principal, request.params.tokenId),
  );

  app.get(
    '/api/admin/users/:id/tokens',
    {
      schema: {
        tags: ['admin'],
        summary: "A user's API tokens (administrator)",
        params: IdParamsSchema,
        response: { 200: TokenListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await userTokens(ctx, request.principal, request.params.id) }),
  );

  app.delete(
    '/api/admin/users/:id/tokens/:tokenId',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: "Revoke a user's API token (administrator)",
        params: UserTokenParamsSchema,
        response: { 200: ApiTokenSchema, ...errorResponses },
      },
    },
    async (request) => revokeUserToken(ctx, request.principal, request.params.id, request.params.tokenId),
  );
  done();
};
