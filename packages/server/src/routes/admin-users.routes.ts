import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_POLICY } from '../auth/password-policy.js';
import type { AppContext } from '../context.js';
import { addUser, changeUser, users } from '../services/accounts/user-admin.service.js';
import {
  AdminUserSchema,
  AdminUserWithPasswordSchema,
  errorResponses,
  IdParamsSchema,
  newUserSchema,
  pageOf,
  userChangeSchema,
  UserFilterSchema,
} from '@plantrack/api';

// Built from the server's password-policy constants, which the contract package does not know.
const PasswordSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH).describe(PASSWORD_POLICY.en);

export const adminUserRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Users, paged and filtered by role, department and active flag (administrator)',
        querystring: UserFilterSchema,
        response: { 200: pageOf(AdminUserSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { department, ...query } = request.query;
      return users(ctx, request.principal, { ...query, departmentId: department });
    },
  );

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Create a user (administrator); department required for reporters; without a password one is generated and returned once',
        body: newUserSchema(PasswordSchema),
        response: { 201: AdminUserWithPasswordSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await addUser(ctx, request.principal, request.body)),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Change roles, department, active flag or password (administrator); deactivating or a new password signs the user out and revokes their API tokens, and a new password must be changed at next sign-in; the last active administrator stays (409)',
        params: IdParamsSchema,
        body: userChangeSchema(PasswordSchema),
        response: { 200: AdminUserWithPasswordSchema, ...errorResponses },
      },
    },
    async (request) => changeUser(ctx, request.principal, request.params.id, request.body),
  );
  done();
};
