// npm run bench:api — the API at province scale. On each database (SQLite in a temporary folder,
// then a throwaway PostgreSQL database that is dropped afterwards) it builds about 100 plans
// (copies of the sample outline, 27 indicators each: 2,997 indicators) and 1,000,000 SYNTHETIC
// observation revisions, starts the real app, signs in with an API token and drives the main
// read endpoints and the submit endpoint with autocannon at 50 connections. Beside each endpoint
// it measures a floor: the endpoint's SQL run directly through the driver with the same 50
// callers. The API and the floor alternate for a few rounds; prints the medians of p50/p99 and
// req/s, the median ratio of API p99 to floor p99 and non-2xx, and appends rows to
// docs/benchmarks.md.
//
//   node scripts/bench-api.mjs [--quick] [--sqlite-only|--postgres-only] [--seconds N] [--rounds N]
//                              [--no-record] [--only TEXT]
//
// --seconds N, --rounds N: each round drives the API, then the floor, for N seconds (default 6);
//   3 rounds by default.
// --quick: 5 plans and 20,000 observations, 1 round of 3 s per endpoint (a smoke test, not a
//   measurement).
// --only TEXT: measure only the endpoints whose name contains TEXT (e.g. `--only submit`); the
//   dataset is built in full, so the numbers compare with a full run.
import { loadavg } from 'node:os';
import { appendRows, median } from './bench-lib.mjs';
import { createBenchUser, importPlans, loadObservations } from './bench-api/dataset.mjs';
import { endpoints } from './bench-api/endpoints.mjs';
import { querier } from './bench-api/floors.mjs';
import { apiToken, startServer } from './bench-api/server-control.mjs';
import { driveApi, driveFloor } from './bench-api/load.mjs';
import { createStore, openDriver } from './bench-api/stores.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const secondsArg = args.indexOf('--seconds');
const SECONDS = secondsArg >= 0 ? Number(args[secondsArg + 1]) : quick ? 3 : 6;
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 1 : 3;
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
  const benchUserId = await createBenchUser(store.handle.db);
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
    benchUserId,
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

/**
 * The API and its floor in alternating rounds (API, floor, API, floor, …), so that a slow spell of
 * the shared machine falls on both: the medians over the rounds of p50, p99 and req/s, the ratio of
 * each round's API p99 to its floor p99 and their median. Only the first round warms up.
 */
async function measureRounds(address, endpoint) {
  const apiRuns = [];
  const floorRuns = [];
  for (let round = 0; round < ROUNDS; round++) {
    const warmupSeconds = round === 0 ? WARMUP : 0;
    apiRuns.push(
      await driveApi({
        url: address,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds,
        next: endpoint.api,
        settle: () => probe(address, endpoint.api(0)),
      }),
    );
    // Requests autocannon abandoned at the end are still being served: let them finish first.
    await probe(address, endpoint.api(0));
    floorRuns.push(
      await driveFloor({ concurrency: CONNECTIONS, seconds: SECONDS, warmupSeconds, call: endpoint.floor }),
    );
  }
  const p99Ratios = apiRuns.map((run, i) => run.p99 / floorRuns[i].p99);
  const sum = (key) => apiRuns.reduce((total, run) => total + run[key], 0);
  const statuses = {};
  for (const run of apiRuns) {
    for (const [status, n] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  }
  return {
    api: {
      ...medians(apiRuns),
      requests: sum('requests'),
      non2xx: sum('non2xx'),
      errors: sum('errors'),
      statuses,
      p99Ratio: median(p99Ratios),
      p99Ratios,
    },
    floor: medians(floorRuns),
  };
}

const medians = (runs) => ({
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  perSecond: median(runs.map((r) => r.perSecond)),
});

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
        const { api, floor } = await measureRounds(server.address, endpoint);
        const single = await driveFloor({
          concurrency: 1,
          seconds: Math.max(1, SECONDS / 2),
          warmupSeconds: 0,
          call: endpoint.floor,
        });
        const met = api.p99 <= endpoint.goal && api.non2xx === 0 && api.errors === 0;
        console.log(
          `  ${endpoint.name.padEnd(50)} p50 ${ms(api.p50).padStart(8)}  p99 ${ms(api.p99).padStart(8)} ms  ${api.perSecond.toFixed(0).padStart(6)} req/s  non-2xx ${api.non2xx}${api.errors ? ` errors ${api.errors}` : ''}` +
            `  | floor p50 ${ms(floor.p50)}  p99 ${ms(floor.p99)} ms (1 caller: p50 ${ms(single.p50)}  p99 ${ms(single.p99)})  p99 ÷ floor p99 ${api.p99Ratio.toFixed(2)} (rounds: ${api.p99Ratios.map((r) => r.toFixed(2)).join(', ')})  goal p99 ≤ ${endpoint.goal} ms: ${met ? 'met' : 'MISSED'}`,
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
      case: `${r.endpoint.name}, ${CONNECTIONS} conn, ${ROUNDS} × ${SECONDS} s`,
      median: r.api.p50,
      floor: r.floor.p50,
      notes:
        `median = p50; p99 ${ms(r.api.p99)} (floor p99 ${ms(r.floor.p99)}); p99 ÷ floor p99 ${r.api.p99Ratio.toFixed(2)} ` +
        `(median of ${ROUNDS} rounds: ${r.api.p99Ratios.map((x) => x.toFixed(2)).join(', ')}); ${r.api.perSecond.toFixed(0)} req/s; ` +
        `non-2xx ${r.api.non2xx}; timeouts/socket errors ${r.api.errors}` +
        `${r.api.requests === 0 ? ' (no request completed in the run)' : ''}; floor 1 caller p50 ${ms(r.single.p50)}; goal p99 ≤ ${r.endpoint.goal} ms ` +
        `(${r.met ? 'met' : 'missed'}); ${r.dataset}; load avg ${load}` +
        `${r.endpoint.floorNote === undefined ? '' : `; ${r.endpoint.floorNote}`}`,
    })),
  );
  console.log('\nappended to docs/benchmarks.md');
}
