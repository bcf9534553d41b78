import { choosePlanId, rememberedPlanId } from './plan-choice';

/**
 * The GET requests the first screen needs, sent by the entry script before the application's code
 * (React, Ant Design, the screens) has been downloaded and evaluated, so that the data and the code
 * arrive in parallel instead of one after the other. `send()` in ./client.ts takes a response from
 * here instead of asking again; each is used once.
 *
 * This module is part of the entry chunk: it must import nothing heavy.
 */
const started = new Map<string, Promise<Response>>();
let allStarted: Promise<void> = Promise.resolve();

function request(path: string): Promise<Response> {
  const response = fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  started.set(path, response);
  // A failure is reported by whoever takes the response; nobody may be left with an unhandled one.
  response.catch(() => undefined);
  return response;
}

/**
 * Sends who-am-I, the instance facts (demo banner) and the plan list for every page, and the
 * dashboard's data when it opens on it.
 */
export function startStartupRequests(pathname: string): void {
  void request('/api/me');
  void request('/api/instance');
  const plans = request('/api/plans');
  if (pathname !== '/dashboard') return;
  allStarted = plans
    .then(async (response) => {
      if (!response.ok) return;
      const list = (await response.clone().json()) as { id: string }[];
      const planId = choosePlanId(list, rememberedPlanId());
      if (planId !== null) void request(`/api/plans/${encodeURIComponent(planId)}/dashboard`);
    })
    .catch(() => undefined);
}

/** Resolves with the paths requested at startup once all of them have been sent. */
export async function startupPaths(): Promise<string[]> {
  await allStarted;
  return [...started.keys()];
}

/** The startup response for a GET of `path`, at most once. */
export function takeStartupResponse(path: string): Promise<Response> | undefined {
  const response = started.get(path);
  started.delete(path);
  return response;
}
