import { listPlans, publishedIndicatorCounts } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { enforce } from '../../policies/policy.js';

export type PublicPlanDto = {
  id: string;
  slug: string;
  title: string;
  regionCode: string | null;
  publishedIndicators: number;
};

/**
 * Published data is for everyone: the public list needs no sign-in. Stated as a policy so the
 * decision is explicit and greppable like every other route's.
 */
export function canReadPublishedData(): boolean {
  return true;
}

/**
 * Plans with at least one published indicator, so a visitor can pick one without signing in.
 * Counts come from one grouped query (a province may hold thousands of plans); unpublished plans
 * are not listed at all.
 */
export async function publicPlans(ctx: AppContext, p: Principal): Promise<PublicPlanDto[]> {
  enforce(p, canReadPublishedData());
  const published = await publishedIndicatorCounts(ctx.db);
  return (await listPlans(ctx.db))
    .filter((plan) => (published.get(plan.id) ?? 0) > 0)
    .map((plan) => ({
      id: plan.id,
      slug: plan.slug,
      title: plan.title,
      regionCode: plan.regionCode,
      publishedIndicators: published.get(plan.id) ?? 0,
    }));
}
