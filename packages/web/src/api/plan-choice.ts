/** Where the plan a user last picked is remembered between visits. */
export const PLAN_STORAGE_KEY = 'plantrack.plan';

/**
 * The plan the screens show: the one last picked when it still exists, else the first listed.
 * Kept free of imports: the startup requests (see ./startup-requests.ts) use it too.
 */
export function choosePlanId(plans: readonly { id: string }[], picked: string | null): string | null {
  return plans.some((p) => p.id === picked) ? picked : (plans[0]?.id ?? null);
}

/** The remembered pick; null when storage is unavailable (private windows may refuse it). */
export function rememberedPlanId(): string | null {
  try {
    return window.localStorage.getItem(PLAN_STORAGE_KEY);
  } catch {
    return null;
  }
}
