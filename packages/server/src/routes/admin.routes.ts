import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { adminUserRoutes } from './admin-users.routes.js';
import { departmentRoutes } from './departments.routes.js';
import { indicatorOwnerRoutes } from './indicator-owners.routes.js';
import { ownershipRoutes } from './ownership.routes.js';
import { reportingCycleRoutes } from './reporting-cycles.routes.js';
import { roundRoutes } from './rounds.routes.js';
import { userImportRoutes } from './user-import.routes.js';

/**
 * Administration of the monitoring set-up: users and roles, departments and aliases, indicator
 * owners, reporting cycles and rounds. One file per resource; each route's service enforces its policy.
 */
export const adminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(adminUserRoutes, { ctx });
  await app.register(departmentRoutes, { ctx });
  await app.register(indicatorOwnerRoutes, { ctx });
  await app.register(reportingCycleRoutes, { ctx });
  await app.register(ownershipRoutes, { ctx });
  await app.register(roundRoutes, { ctx });
  await app.register(userImportRoutes, { ctx });
};
