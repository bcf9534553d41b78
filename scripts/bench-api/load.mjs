// Load generation for bench:api: autocannon against the API, and the same closed-loop shape (N
// callers, each issuing its next call when the previous one returns) for the floors, so the two
// latency distributions are measured the same way. Latencies are kept as exact milliseconds
// (autocannon's own histogram rounds to whole milliseconds, too coarse for a floor).
import autocannon from 'autocannon';

// One call counter for every run of the process, so that the i-th request of a run never repeats
// one of an earlier run (submissions need unique records and idempotency keys).
let counter = 0;

/** The p-th percentile (0–100) of `values` (nearest rank). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function summary(latencies, seconds, extra) {
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    ...extra,
  };
}

/**
 * Runs autocannon at `connections` for `seconds` against one endpoint. `next(i)` gives the i-th
 * request ({ method, path, headers, body }), so every request can differ. A short unrecorded
 * warm-up runs first, then `settle()` (one request that waits behind the warm-up's leftovers). Returns p50/p99 of 2xx latencies, req/s, non-2xx and socket errors.
 */
export async function driveApi({ url, connections, seconds, warmupSeconds, next, settle }) {
  const requests = [
    {
      setupRequest: (request) => {
        const r = next(counter++);
        return {
          ...request,
          method: r.method,
          path: r.path,
          headers: { ...request.headers, ...r.headers },
          body: r.body,
        };
      },
    },
  ];
  if (warmupSeconds > 0) await autocannon({ url, connections, duration: warmupSeconds, requests });
  // The warm-up's last requests are still being served when autocannon returns; wait for them.
  await settle?.();
  const latencies = [];
  let non2xx = 0;
  const statuses = new Map();
  const instance = autocannon({ url, connections, duration: seconds, requests });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else {
      non2xx++;
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    }
  });
  const result = await instance;
  return summary(latencies, result.duration, {
    non2xx,
    errors: result.errors + result.timeouts,
    statuses: Object.fromEntries(statuses),
  });
}

/**
 * The floor's load: `concurrency` callers in a closed loop for `seconds`, each timing `call(i)`.
 * A synchronous driver call (better-sqlite3) first yields to the event loop, so 50 callers queue
 * behind one connection exactly as 50 HTTP connections queue behind the server's one SQLite
 * connection.
 */
export async function driveFloor({ concurrency, seconds, warmupSeconds, call }) {
  const run = async (durationSeconds, latencies) => {
    const end = performance.now() + durationSeconds * 1000;
    const caller = async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await new Promise((resolve) => setImmediate(resolve));
        await call(counter++);
        latencies?.push(performance.now() - start);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, caller));
  };
  if (warmupSeconds > 0) await run(warmupSeconds, null);
  const latencies = [];
  const started = performance.now();
  await run(seconds, latencies);
  return summary(latencies, (performance.now() - started) / 1000, { non2xx: 0, errors: 0 });
}
