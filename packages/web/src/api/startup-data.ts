import { api } from './client';
import { startupPaths } from './startup-requests';

/**
 * The startup requests' results, parsed, so that the first render can show data instead of
 * spinners: the entry waits (briefly) for {@link settleStartupData} before rendering, and the
 * providers and `useApi` start from {@link startupOutcome}. Forgotten after the first render,
 * so a screen opened later always asks the server.
 */
export type StartupOutcome = { ok: true; data: unknown } | { ok: false; error: unknown };

const outcomes = new Map<string, StartupOutcome>();
const pending = new Map<string, Promise<unknown>>();

/** Parses every startup response; resolves when all are settled. */
export async function settleStartupData(): Promise<void> {
  const paths = await startupPaths();
  await Promise.allSettled(
    paths.map((path) => {
      const result = api(path);
      pending.set(path, result);
      return result.then(
        (data) => {
          settle(path, result, { ok: true, data });
        },
        (error: unknown) => {
          settle(path, result, { ok: false, error });
        },
      );
    }),
  );
}

function settle(path: string, result: Promise<unknown>, outcome: StartupOutcome): void {
  if (pending.get(path) !== result) return; // Taken by a screen before it settled.
  pending.delete(path);
  outcomes.set(path, outcome);
}

/** What the startup request for `path` returned, when it had settled before the first render. */
export function startupOutcome(path: string): StartupOutcome | undefined {
  return outcomes.get(path);
}

/** The startup request for `path` still in flight, at most once (the caller waits for it). */
export function takeStartupPending<T>(path: string): Promise<T> | undefined {
  const result = pending.get(path);
  pending.delete(path);
  return result as Promise<T> | undefined;
}

/** Called after the first render: later mounts fetch fresh data. */
export function forgetStartupData(): void {
  outcomes.clear();
  pending.clear();
}
