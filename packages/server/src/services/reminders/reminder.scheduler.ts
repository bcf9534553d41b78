import type { AppContext } from '../../context.js';
import { type ReminderCounts, type ReminderLog, runRemindersExclusive } from './reminder.service.js';

/** A started reminder schedule. */
export type ReminderScheduler = {
  /** Stops the timer and waits for a run in progress, so the store can be closed after it. */
  stop: () => Promise<void>;
};

export type ReminderSchedulerOptions = {
  /** Milliseconds between runs; 0 (or less) starts nothing. */
  intervalMs: number;
  log: ReminderLog & {
    info: (detail: object, message: string) => void;
    error: (detail: object, message: string) => void;
  };
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
};

/** The first run comes soon after start, so a server restarted often still sends reminders. */
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * Runs the reminder job every `intervalMs`. The timer is `unref()`ed (it never keeps the process
 * alive), runs are chained rather than stacked, and a run that would overlap another (for example
 * one started through `POST /api/reminders/run`) is skipped. A failing run is logged, not thrown.
 */
export function startReminderScheduler(
  ctx: AppContext,
  options: ReminderSchedulerOptions,
): ReminderScheduler {
  if (options.intervalMs <= 0) return { stop: () => Promise.resolve() };
  const clock = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();

  const tick = async (): Promise<void> => {
    try {
      const counts: ReminderCounts | null = await runRemindersExclusive(ctx, clock(), { log: options.log });
      if (counts === null) options.log.info({}, 'reminder run skipped: another run is in progress');
      else options.log.info({ reminders: counts }, 'reminder run finished');
    } catch (error) {
      options.log.error({ err: error }, 'reminder run failed; the next run tries again');
    }
  };
  const schedule = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = tick().finally(() => {
        schedule(options.intervalMs);
      });
    }, delayMs);
    timer.unref();
  };
  schedule(Math.min(options.intervalMs, FIRST_RUN_DELAY_MS));

  return {
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await inFlight;
    },
  };
}
