import type { InstanceInfo } from '@plantrack/api';
import { isDemoDatabase } from '@plantrack/db';
import type { AppContext } from '../../context.js';

/**
 * What every screen needs to know about this deployment. Read on each request (one primary-key
 * lookup, once per page load), so that a database marked while the service runs says so at once.
 */
export async function instanceInfo(ctx: AppContext): Promise<InstanceInfo> {
  return { demo: await isDemoDatabase(ctx.db) };
}
