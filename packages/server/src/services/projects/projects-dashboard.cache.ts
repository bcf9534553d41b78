import { ProjectsDashboardSchema } from '@plantrack/api';
import { type ProjectsDashboard, projectsDashboard } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import { stampedCachePerApp } from '../cache/stamped.cache.js';

/** Whose dashboard: a plan's register for a year as of a date, whole or some 责任单位' own. */
export type ProjectsBoardScope = {
  planId: string;
  year: number;
  asOf: string;
  /** The departments whose projects it covers, or undefined for the whole register. */
  leadDepartmentIds: readonly string[] | undefined;
};

// At city scale (thousands of projects, a year of monthly reports each) computing the dashboard
// reads tens of thousands of report rows. Every project, report and issue write is audited in its
// transaction and goes through a request that moves the change stamp (app.ts), so the next read
// after an acknowledged write recomputes; concurrent misses share one computation.
const boardCacheOf = stampedCachePerApp<ProjectsDashboard>(256);
// The response text itself, so a hit costs the stamp check and a string send.
const jsonCacheOf = stampedCachePerApp<string>(256);

const keyOf = (s: ProjectsBoardScope): string =>
  `${s.planId}|${s.year}|${s.asOf}|${s.leadDepartmentIds === undefined ? '*' : [...s.leadDepartmentIds].sort().join(',')}`;

/** The projects dashboard of `scope`, computed once per change of the store. */
export async function cachedProjectsBoard(
  ctx: AppContext,
  scope: ProjectsBoardScope,
): Promise<ProjectsDashboard> {
  return boardCacheOf(ctx).get(keyOf(scope), await ctx.changeStamps.current(), () =>
    projectsDashboard(ctx.db, {
      planId: scope.planId,
      year: scope.year,
      asOf: scope.asOf,
      ...(scope.leadDepartmentIds === undefined ? {} : { leadDepartmentIds: scope.leadDepartmentIds }),
    }),
  );
}

/**
 * How many flagged projects the dashboard names. A city flags hundreds: the dashboard shows the
 * furthest behind and their number, the list (`?lagging=true`) shows them all — and the answer stays
 * a few kilobytes instead of hundreds, which is what 50 readers at once wait on.
 */
export const FLAGGED_SHOWN = 50;

/** The same dashboard as JSON text, encoded by the contract's schema once (as the route's serialiser would). */
export async function cachedProjectsBoardJson(ctx: AppContext, scope: ProjectsBoardScope): Promise<string> {
  return jsonCacheOf(ctx).get(keyOf(scope), await ctx.changeStamps.current(), async () => {
    const board = await cachedProjectsBoard(ctx, scope);
    const shown = {
      ...board,
      flagged: board.flagged.slice(0, FLAGGED_SHOWN),
      flaggedTotal: board.flagged.length,
    };
    return JSON.stringify(ProjectsDashboardSchema.encode(shown));
  });
}
