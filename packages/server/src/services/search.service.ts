import { type SearchHit, search } from '@plantrack/db';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { enforce } from '../policies/policy.js';
import { canSearch, searchSeesUnpublished } from '../policies/search.policy.js';
import { publishedIds } from '../repositories/monitoring-query.repository.js';

/** Search; the public sees only hits on published indicators and tasks. */
export async function searchPlans(
  ctx: AppContext,
  p: Principal,
  q: { q: string; planId?: string | undefined; limit: number },
): Promise<SearchHit[]> {
  enforce(p, canSearch(p));
  const hits = await search(ctx.db, q.q, {
    limit: q.limit,
    ...(q.planId === undefined ? {} : { planId: q.planId }),
  });
  if (searchSeesUnpublished(p)) return hits;
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
