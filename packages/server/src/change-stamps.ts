/**
 * The store's change stamp (see stamped.cache.ts) as the read caches use it, asked of the
 * database at most once per `maxAgeMs` instead of once per request: under load that lookup was the
 * only query a cached dashboard or search still made, and on PostgreSQL its round trip was most of
 * the answer's time.
 *
 * A change made through this process is seen at once: every request that changes data calls
 * `changed()` before its response goes out (app.ts), which counts a local generation. The stamp
 * is the newest audit id AND that generation, so it moves even when the audit id does not (two
 * transactions committing out of id order: a read between them saw the later id already). A
 * change made by another process (a CLI import, a second server) is seen within `maxAgeMs`, or,
 * if its commit came out of id order, once the read models age out (READ_MODEL_MAX_AGE_MS).
 */
export class ChangeStamps {
  /** Bumped by `changed()`; a lookup that started under an older generation is not kept. */
  private generation = 0;
  private held: { generation: number; at: number; stamp: Promise<string> } | null = null;

  constructor(
    private readonly lookUp: () => Promise<string>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<string> {
    const now = this.now();
    const held = this.held;
    if (held !== null && held.generation === this.generation && now - held.at < this.maxAgeMs) {
      return held.stamp;
    }
    const generation = this.generation;
    const entry = { generation, at: now, stamp: this.lookUp().then((id) => `${id}#${generation}`) };
    this.held = entry;
    entry.stamp.catch(() => {
      if (this.held === entry) this.held = null; // A failed lookup is not remembered.
    });
    return entry.stamp;
  }

  /** This process changed the store (or may have): the stamp moves, the next reader asks again. */
  changed(): void {
    this.generation++;
    this.held = null;
  }
}
