import { type SearchAudience, type SearchHit, search } from '@plantrack/db';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { enforce } from '../policies/policy.js';
import { canSearch, searchAudience } from '../policies/search.policy.js';
import { stampedCachePerApp } from './cache/stamped.cache.js';

type SearchQuery = { q: string; planId?: string | undefined; limit: number };

/**
 * Results per query and audience, checked against the change stamp like the dashboards: the same
 * phrases are searched again and again (a district's plan has a vocabulary), and a search costs
 * milliseconds of full-text work while a hit costs one indexed lookup. The key holds the whole
 * audience (which departments' records, whether unpublished items), so a cached answer is only
 * served to principals who may see exactly the same rows.
 */
const cacheOf = stampedCachePerApp<SearchHit[]>(2_000);

/** Search, showing each principal what the record and framework read policies let them open. */
export async function searchPlans(ctx: AppContext, p: Principal, q: SearchQuery): Promise<SearchHit[]> {
  enforce(p, canSearch(p));
  const audience = searchAudience(p);
  const key = cacheKey(audience, q);
  return cacheOf(ctx).get(key, await ctx.changeStamps.current(), () =>
    search(ctx.db, q.q, {
      audience,
      limit: q.limit,
      ...(q.planId === undefined ? {} : { planId: q.planId }),
    }),
  );
}

/** Every input of the answer, the audience included. */
function cacheKey(audience: SearchAudience, q: SearchQuery): string {
  const records = audience.records === 'all' ? 'all' : audience.records.ownedBy;
  return JSON.stringify([audience.unpublishedFramework, records, q.q, q.planId ?? null, q.limit]);
}
