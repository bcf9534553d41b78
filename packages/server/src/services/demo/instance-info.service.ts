import type { InstanceInfo } from '@plantrack/api';
import { isDemoDatabase } from '@plantrack/db';
import type { AppContext } from '../../context.js';

/**
 * Whether the database is a demo database, read once per app: the marker is written before the
 * service starts and nothing changes it while the service runs.
 */
const demoByApp = new WeakMap<AppContext, Promise<boolean>>();

export async function instanceInfo(ctx: AppContext): Promise<InstanceInfo> {
  let demo = demoByApp.get(ctx);
  if (demo === undefined) {
    demo = isDemoDatabase(ctx.db);
    demoByApp.set(ctx, demo);
    // A failed read is not remembered: the next request asks again.
    demo.catch(() => demoByApp.delete(ctx));
  }
  return { demo: await demo };
}

/** The same flag for server code that builds documents (reports carry a demo mark). */
export async function servesDemoData(ctx: AppContext): Promise<boolean> {
  return (await instanceInfo(ctx)).demo;
}
