/**
 * A small read-through cache for computed read models (the dashboard, an assessment) that is
 * correct across processes: every entry remembers the store's change stamp (the newest audit
 * record id — every change of records, framework, owners, links and thresholds is audited in the
 * transaction that makes it), and a read first asks the store for the current stamp, one indexed
 * lookup. A changed stamp recomputes. Entries also expire after `maxAgeMs`, which bounds how long
 * a stamp that did not move (two transactions committing out of id order) can hide a change.
 * Concurrent misses for one key share one computation.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: string; at: number; value: Promise<T> }>();

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; now?: () => number }) {}

  async get(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.stamp === stamp && now - hit.at < this.options.maxAgeMs) return hit.value;
    const value = compute();
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: the first key is the least recently computed.
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { stamp, at: now, value });
    // A failed computation is not remembered: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
