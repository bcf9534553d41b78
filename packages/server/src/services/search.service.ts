import { type SearchHit, search } from '@plantrack/db';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { enforce } from '../policies/policy.js';
import { canSearch, searchSeesUnpublished } from '../policies/search.policy.js';
import { publishedIds } from '../repositories/monitoring-query.repository.js';
import { stampedCachePerApp } from './stamped.cache.js';

type SearchQuery = { q: string; planId?: string | undefined; limit: number };

/**
 * Results per query and audience, checked against the change stamp like the dashboards: the same
 * phrases are searched again and again (a district's plan has a vocabulary), and a search costs
 * milliseconds of full-text work while a hit costs one indexed lookup.
 */
const cacheOf = stampedCachePerApp<SearchHit[]>(2_000);

/** Search; the public sees only hits on published indicators and tasks. */
export async function searchPlans(ctx: AppContext, p: Principal, q: SearchQuery): Promise<SearchHit[]> {
  enforce(p, canSearch(p));
  const staff = searchSeesUnpublished(p);
  const key = JSON.stringify([staff, q.q, q.planId ?? null, q.limit]);
  return cacheOf(ctx).get(key, await ctx.changeStamps.current(), () => uncachedSearch(ctx, staff, q));
}

async function uncachedSearch(ctx: AppContext, staff: boolean, q: SearchQuery): Promise<SearchHit[]> {
  const hits = await search(ctx.db, q.q, {
    limit: q.limit,
    ...(q.planId === undefined ? {} : { planId: q.planId }),
  });
  if (staff) return hits;
  const indicatorIds = await publishedIds(
    ctx.db,
    'indicator',
    hits.filter((h) => h.kind === 'indicator').map((h) => h.id),
  );
  const taskIds = await publishedIds(
    ctx.db,
    'task',
    hits.filter((h) => h.kind === 'task').map((h) => h.id),
  );
  return hits.filter(
    (h) => (h.kind === 'indicator' && indicatorIds.has(h.id)) || (h.kind === 'task' && taskIds.has(h.id)),
  );
}
