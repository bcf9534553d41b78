/**
 * A small read-through cache for computed read models (the dashboard, an assessment) that is
 * correct across processes: every entry remembers the store's change stamp (the newest audit
 * record id — every change of records, framework, owners, links and thresholds is audited in the
 * transaction that makes it), and a read first asks the store for the current stamp, one indexed
 * lookup. A changed stamp recomputes, and concurrent misses for one key share one computation.
 *
 * Entries also age out after `maxAgeMs`, which bounds how long a stamp that did not move (two
 * transactions committing out of id order) can hide a change. An aged entry whose stamp still
 * matches is served while ONE background computation refreshes it, so readers never queue behind
 * a refresh that almost always yields the same value; a change therefore shows within `maxAgeMs`
 * plus one computation.
 */
/**
 * How long a read model is trusted while the change stamp stays put (see above): an entry older
 * than this is refreshed in the background. Short enough that the rare out-of-order commit shows
 * within half a minute; long enough that a province's hundred dashboards are not recomputed every
 * few seconds for nothing.
 */
export const READ_MODEL_MAX_AGE_MS = 30_000;

type Entry<T> = { stamp: string; at: number; value: Promise<T>; settled: boolean; refreshing: boolean };

export class StampedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; now?: () => number }) {}

  get(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit?.stamp === stamp) {
      if (now - hit.at >= this.options.maxAgeMs && hit.settled && !hit.refreshing) {
        this.refresh(key, hit, compute);
      }
      return hit.value;
    }
    return this.store(key, stamp, now, compute()).value;
  }

  /** Number of entries held (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private refresh(key: string, aged: Entry<T>, compute: () => Promise<T>): void {
    aged.refreshing = true;
    const value = compute();
    value.then(
      () => {
        // Replaced only if nobody stored a newer stamp meanwhile.
        if (this.entries.get(key) === aged) this.store(key, aged.stamp, this.now(), value);
      },
      () => {
        aged.refreshing = false; // The aged value stays; the next read tries again.
      },
    );
  }

  private store(key: string, stamp: string, at: number, value: Promise<T>): Entry<T> {
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: the first key is the least recently computed.
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    const entry: Entry<T> = { stamp, at, value, settled: false, refreshing: false };
    this.entries.set(key, entry);
    value.then(
      () => {
        entry.settled = true;
      },
      () => {
        // A failed computation is not remembered: the next request tries again.
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry;
  }
}

/**
 * One cache per app (an `AppContext`), created on first use: two apps in one process (the tests)
 * never share entries. `maxEntries` should hold every key a deployment reads in turn, or the LRU
 * evicts entries before they are read again.
 */
export function stampedCachePerApp<T>(maxEntries: number): (ctx: object) => StampedCache<T> {
  const caches = new WeakMap<object, StampedCache<T>>();
  return (ctx) => {
    let cache = caches.get(ctx);
    if (cache === undefined) {
      cache = new StampedCache<T>({ maxEntries, maxAgeMs: READ_MODEL_MAX_AGE_MS });
      caches.set(ctx, cache);
    }
    return cache;
  };
}
