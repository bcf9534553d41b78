import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { serverRecordKinds } from '../record-kinds/registry.js';
import { registerReviewSettingsRoutes } from './review-settings.routes.js';

/** The review-flow routes of every record kind in the registry, then the review settings. */
export const recordRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  for (const kind of serverRecordKinds()) kind.registerReviewRoutes(app, ctx);
  registerReviewSettingsRoutes(app, ctx);
  done();
};
