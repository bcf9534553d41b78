import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The time written to rows (`created_at`, `updated_at`, audit entries). Always the real time,
 * except inside {@link withSimulatedClock}, which `plantrack demo` uses to date a simulated
 * reporting history (a 2026 figure submitted in March 2027) so that histories and the audit log
 * read as they would have. Ids stay on the real clock.
 */
const simulated = new AsyncLocalStorage<() => Date>();

export function currentTime(): Date {
  return simulated.getStore()?.() ?? new Date();
}

/** Runs `work` with every stored timestamp taken from `now` (asked at each write). */
export function withSimulatedClock<T>(now: () => Date, work: () => Promise<T>): Promise<T> {
  return simulated.run(now, work);
}
