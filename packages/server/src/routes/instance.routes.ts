import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { InstanceInfoSchema } from '@plantrack/api';
import type { AppContext } from '../context.js';
import { instanceInfo } from '../services/demo/instance-info.service.js';

/** Facts about the deployment every screen needs, signed in or not (the demo banner). */
export const instanceRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/instance',
    {
      schema: {
        tags: ['public'],
        summary: 'This deployment: whether it serves a demo database of simulated data (no sign-in)',
        response: { 200: InstanceInfoSchema },
      },
    },
    // Open to everyone, like the password policy: the sign-in screen shows the demo banner too.
    () => instanceInfo(ctx),
  );
  done();
};
