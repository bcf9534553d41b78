import { describe, expect, it } from 'vitest';
import { StampedCache } from './stamped.cache.js';

/** A computation the test resolves or rejects by hand, counting how often it was started. */
function controlled<T>() {
  const started: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const compute = () =>
    new Promise<T>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { compute, started };
}

function clock(start = 0) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('StampedCache', () => {
  it('shares one computation between concurrent readers and serves hits without computing', async () => {
    const cache = new StampedCache<string>({ maxEntries: 10, maxAgeMs: 1_000 });
    const { compute, started } = controlled<string>();
    const a = cache.get('k', 's1', compute);
    const b = cache.get('k', 's1', compute);
    expect(started).toHaveLength(1);
    started[0]?.resolve('v1');
    expect(await a).toBe('v1');
    expect(await b).toBe('v1');
    expect(await cache.get('k', 's1', compute)).toBe('v1');
    expect(started).toHaveLength(1);
  });

  it('recomputes when the change stamp moves', async () => {
    const cache = new StampedCache<string>({ maxEntries: 10, maxAgeMs: 1_000 });
    const { compute, started } = controlled<string>();
    const first = cache.get('k', 's1', compute);
    started[0]?.resolve('v1');
    await first;
    const second = cache.get('k', 's2', compute);
    expect(started).toHaveLength(2);
    started[1]?.resolve('v2');
    expect(await second).toBe('v2');
  });

  /** A cache holding 'old' for key k at stamp s1, computed `age` ms ago (maxAgeMs 1,000). */
  async function agedCache(age: number) {
    const time = clock();
    const cache = new StampedCache<string>({ maxEntries: 10, maxAgeMs: 1_000, now: time.now });
    const { compute, started } = controlled<string>();
    const first = cache.get('k', 's1', compute);
    started[0]?.resolve('old');
    await first;
    time.advance(age);
    return { cache, compute, started };
  }

  it('serves an aged entry while exactly one background computation refreshes it', async () => {
    const { cache, compute, started } = await agedCache(1_000);
    expect(await cache.get('k', 's1', compute)).toBe('old');
    expect(await cache.get('k', 's1', compute)).toBe('old');
    expect(started).toHaveLength(2); // one refresh, not one per reader
    started[1]?.resolve('new');
    await flush();
    expect(await cache.get('k', 's1', compute)).toBe('new');
    expect(started).toHaveLength(2);
  });

  it('keeps the aged value when a refresh fails, and tries again on the next read', async () => {
    const { cache, compute, started } = await agedCache(1_500);
    expect(await cache.get('k', 's1', compute)).toBe('old');
    started[1]?.reject(new Error('database busy'));
    await flush();
    expect(await cache.get('k', 's1', compute)).toBe('old');
    expect(started).toHaveLength(3);
  });

  it('does not remember a failed computation', async () => {
    const cache = new StampedCache<string>({ maxEntries: 10, maxAgeMs: 1_000 });
    const { compute, started } = controlled<string>();
    const failed = cache.get('k', 's1', compute);
    started[0]?.reject(new Error('boom'));
    await expect(failed).rejects.toThrow('boom');
    const retried = cache.get('k', 's1', compute);
    expect(started).toHaveLength(2);
    started[1]?.resolve('v');
    expect(await retried).toBe('v');
  });

  it('drops the least recently computed entry beyond maxEntries', async () => {
    const cache = new StampedCache<number>({ maxEntries: 2, maxAgeMs: 1_000 });
    let computed = 0;
    const compute = () => Promise.resolve(++computed);
    await cache.get('a', 's', compute);
    await cache.get('b', 's', compute);
    await cache.get('c', 's', compute);
    expect(cache.size).toBe(2);
    await cache.get('b', 's', compute); // still held
    expect(computed).toBe(3);
    await cache.get('a', 's', compute); // dropped, computed again
    expect(computed).toBe(4);
  });
});
