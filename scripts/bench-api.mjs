// npm run bench:api — the API at province scale. On each database (SQLite in a temporary folder,
// then a throwaway PostgreSQL database that is dropped afterwards) it builds about 100 plans
// (copies of the sample outline, 27 indicators each: 2,997 indicators) and 1,000,000 SYNTHETIC
// observation revisions, starts the real app, signs in with an API token and drives the main
// read endpoints and the submit endpoint with autocannon at 50 connections. Beside each endpoint
// it measures a floor: the endpoint's SQL run directly through the driver with the same 50
// callers. Prints p50/p99, req/s and non-2xx, and appends rows to docs/benchmarks.md.
//
//   node scripts/bench-api.mjs [--quick] [--sqlite-only|--postgres-only] [--seconds N] [--no-record]
//                              [--only TEXT]
//
// --quick: 5 plans and 20,000 observations, 3 s per endpoint (a smoke test, not a measurement).
// --only TEXT: measure only the endpoints whose name contains TEXT (e.g. `--only submit`); the
//   dataset is built in full, so the numbers compare with a full run.
import { loadavg } from 'node:os';
import { appendRows } from './bench-lib.mjs';
import { createBenchUser, importPlans, loadObservations } from './bench-api/dataset.mjs';
import { endpoints } from './bench-api/endpoints.mjs';
import { querier } from './bench-api/floors.mjs';
import { apiToken, startServer } from './bench-api/server-control.mjs';
import { driveApi, driveFloor } from './bench-api/load.mjs';
import { createStore, openDriver } from './bench-api/stores.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const secondsArg = args.indexOf('--seconds');
const SECONDS = secondsArg >= 0 ? Number(args[secondsArg + 1]) : quick ? 3 : 10;
const WARMUP = quick ? 1 : 2;
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? args[onlyArg + 1] : null;
const CONNECTIONS = 50;
const PLANS = quick ? 5 : 111;
const OBSERVATIONS = quick ? 20_000 : 1_000_000;
const dialects = args.includes('--sqlite-only')
  ? ['sqlite']
  : args.includes('--postgres-only')
    ? ['postgres']
    : ['sqlite', 'postgres'];

const ms = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');

/** Builds the dataset; returns what the endpoints need. */
async function prepare(store) {
  const started = performance.now();
  const plans = await importPlans(store.handle.db, PLANS);
  await createBenchUser(store.handle.db);
  await store.handle.close();
  const indicators = plans.flatMap((p) => p.indicators);
  const driver = openDriver(store);
  const rows = await loadObservations(driver, indicators, OBSERVATIONS);
  // PostgreSQL's autovacuum would analyse the new rows within a minute; do it now.
  if (driver.dialect === 'postgres') await driver.pool.query('analyze');
  const historyKeys = await sampleHistoryKeys(driver, indicators);
  const unseenHistoryKeys = await sampleUnseenHistoryKeys(driver, historyKeys);
  await driver.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  dataset: ${plans.length} plans, ${indicators.length} indicators, ${rows.toLocaleString('en')} synthetic observation revisions in ${seconds.toFixed(0)} s`,
  );
  return {
    planIds: plans.map((p) => p.planId),
    indicatorIds: indicators.map((i) => i.id),
    historyKeys,
    unseenHistoryKeys,
    summary: `${plans.length} plans, ${indicators.length} indicators, ${rows.toLocaleString('en')} obs revisions`,
  };
}

/** One observation with an approved revision per indicator, for the history endpoint. */
async function sampleHistoryKeys(driver, indicators) {
  const q = querier(driver);
  const keys = [];
  for (const { id } of indicators) {
    const [row] = await q.query(
      "select observation_key from observations where indicator_id = ? and status = 'approved' limit 1",
      [id],
    );
    if (row !== undefined) keys.push(row.observation_key);
  }
  return keys;
}

/**
 * More observation keys than a run can request (40,000, none of `historyKeys`), so that every
 * request of the cache-miss history row reads a history the server has not cached.
 */
async function sampleUnseenHistoryKeys(driver, historyKeys) {
  const q = querier(driver);
  const seen = new Set(historyKeys);
  const rows = await q.query(
    'select observation_key from observations group by observation_key order by observation_key limit ?',
    [40_000 + seen.size],
  );
  return rows.map((r) => r.observation_key).filter((key) => !seen.has(key));
}

/** One request before the load: a failing endpoint is reported with its answer, not timed. */
async function probe(address, request) {
  const response = await fetch(`${address}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  if (response.ok) return null;
  return `${response.status} ${(await response.text()).slice(0, 300)}`;
}

async function benchDialect(dialect) {
  console.log(`\n== ${dialect} ==`);
  const store = await createStore(dialect);
  const results = [];
  try {
    const data = await prepare(store);
    const server = await startServer(store.openOptions);
    const driver = openDriver(store);
    try {
      const token = await apiToken(server.address, 'bench:api');
      const q = querier(driver);
      const cases = endpoints(data, dialect, q, { authorization: `Bearer ${token}` }).filter(
        (endpoint) => ONLY === null || endpoint.name.includes(ONLY),
      );
      for (const endpoint of cases) {
        const failure = await probe(server.address, endpoint.api(0));
        if (failure !== null) {
          console.log(`  ${endpoint.name}: not measured — ${failure}`);
          continue;
        }
        const api = await driveApi({
          url: server.address,
          connections: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: WARMUP,
          next: endpoint.api,
          settle: () => probe(server.address, endpoint.api(0)),
        });
        // Requests autocannon abandoned at the end are still being served: let them finish first.
        await probe(server.address, endpoint.api(0));
        const floor = await driveFloor({
          concurrency: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: WARMUP,
          call: endpoint.floor,
        });
        const single = await driveFloor({
          concurrency: 1,
          seconds: Math.max(1, SECONDS / 2),
          warmupSeconds: 0,
          call: endpoint.floor,
        });
        const met = api.p99 <= endpoint.goal && api.non2xx === 0 && api.errors === 0;
        console.log(
          `  ${endpoint.name.padEnd(50)} p50 ${ms(api.p50).padStart(8)}  p99 ${ms(api.p99).padStart(8)} ms  ${api.perSecond.toFixed(0).padStart(6)} req/s  non-2xx ${api.non2xx}${api.errors ? ` errors ${api.errors}` : ''}` +
            `  | floor p50 ${ms(floor.p50)}  p99 ${ms(floor.p99)} ms (1 caller: p50 ${ms(single.p50)}  p99 ${ms(single.p99)})  goal p99 ≤ ${endpoint.goal} ms: ${met ? 'met' : 'MISSED'}`,
        );
        if (api.non2xx > 0) console.log(`    statuses: ${JSON.stringify(api.statuses)}`);
        results.push({ dialect, endpoint, api, floor, single, met, dataset: data.summary });
      }
    } finally {
      await server.close();
      await driver.close();
    }
  } finally {
    await store.drop();
  }
  return results;
}

const all = [];
for (const dialect of dialects) all.push(...(await benchDialect(dialect)));

if (!quick && !args.includes('--no-record')) {
  const load = loadavg()[0].toFixed(1);
  appendRows(
    all.map((r) => ({
      bench: `api ${r.dialect}`,
      case: `${r.endpoint.name}, ${CONNECTIONS} conn, ${SECONDS} s`,
      median: r.api.p50,
      floor: r.floor.p50,
      notes:
        `median = p50; p99 ${ms(r.api.p99)} (floor p99 ${ms(r.floor.p99)}); ${r.api.perSecond.toFixed(0)} req/s; ` +
        `non-2xx ${r.api.non2xx}; timeouts/socket errors ${r.api.errors}` +
        `${r.api.requests === 0 ? ' (no request completed in the run)' : ''}; floor 1 caller p50 ${ms(r.single.p50)}; goal p99 ≤ ${r.endpoint.goal} ms ` +
        `(${r.met ? 'met' : 'missed'}); ${r.dataset}; load avg ${load}`,
    })),
  );
  console.log('\nappended to docs/benchmarks.md');
}
