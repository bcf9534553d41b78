// How long `reportingStatus` (the owed periods and their states behind the dashboard's and the
// missing-reports' "who has not reported") takes for one plan with a long observation history.
//
//   node scripts/bench-reporting-status.mjs [--observations 300000] [--reports 30000]
//                                           [--dialects sqlite,postgres] [--runs 5] [--record]
//
// Needs the built packages (`npm run build`). The sample plan is imported once per database; its
// observation and progress-report history is SYNTHETIC (labelled so in `source`/`narrative`),
// bulk-inserted through the driver into a throwaway store that is deleted afterwards: 20 years
// (2011–2030) of annual, quarterly and monthly periods in many sub-area scopes, 1–3 revisions each.
// Most of those rows lie outside the periods the plan owes as of 2028-02-15, as they do in a
// province's store that keeps the previous plans' history. `--record` appends rows to
// docs/benchmarks.md.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { listIndicators, listTasks, reportingStatus, setReportingCycle } from '../packages/db/dist/index.js';
import { importPlans, rng } from './bench-api/dataset.mjs';
import { createStore, openDriver } from './bench-api/stores.mjs';
import { appendRows, median } from './bench-lib.mjs';

const { values: args } = parseArgs({
  options: {
    observations: { type: 'string', default: '300000' },
    reports: { type: 'string', default: '30000' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    record: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});
const AS_OF = '2028-02-15';
const SOURCE = '基准测试合成数据（非真实统计） / synthetic benchmark data';
const YEARS = Array.from({ length: 20 }, (_, i) => 2011 + i);
const SCOPES = ['', ...Array.from({ length: 24 }, (_, i) => `合成片区${i + 1}`)];

/** Every period of the 20 years: annual, quarterly and monthly. */
function allPeriods() {
  const out = [];
  for (const y of YEARS) {
    out.push(String(y));
    for (let q = 1; q <= 4; q++) out.push(`${y}Q${q}`);
    for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

const STATUSES = [
  ['submitted', 'approved'],
  ['submitted'],
  ['draft'],
  ['submitted', 'returned', 'submitted'],
];
const ACTION = { submitted: 'submit', approved: 'approve', returned: 'return', draft: 'save_draft' };

/** Revision chains over (target, period, scope) keys until `total` rows, deterministic. */
function* revisions(targets, scopes, total, seed) {
  const random = rng(seed);
  const periods = allPeriods();
  let n = 0;
  let id = 0;
  for (const scope of scopes) {
    for (const period of periods) {
      for (const target of targets) {
        const chain = STATUSES[Math.floor(random() * STATUSES.length)];
        for (let r = 0; r < chain.length; r++) {
          if (n++ >= total) return;
          id += 1;
          yield { id: `bench-${seed}-${id}`, target, period, scope, revisionNo: r + 1, status: chain[r] };
        }
      }
    }
  }
}

async function bulkInsert(driver, table, columns, pgTypes, rows) {
  if (driver.dialect === 'sqlite') {
    driver.sqlite.pragma('cache_size = -512000');
    const insert = driver.sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    const many = driver.sqlite.transaction((batch) => batch.forEach((r) => insert.run(r)));
    for (const batch of batches(rows, 50_000)) many(batch);
    return;
  }
  const arrays = pgTypes.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const statement = `insert into ${table} (${columns.join(', ')}) select * from unnest(${arrays})`;
  for (const batch of batches(rows, 10_000)) {
    await driver.pool.query(
      statement,
      columns.map((_, c) => batch.map((row) => row[c])),
    );
  }
  await driver.pool.query(`analyze ${table}`);
}

function* batches(rows, size) {
  let batch = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function* observationRows(indicators, total) {
  for (const r of revisions(indicators, SCOPES, total, 1)) {
    yield [
      r.id,
      `${r.target}|${r.period}|${r.scope}`,
      r.target,
      r.period,
      r.scope,
      100 + r.revisionNo,
      0,
      SOURCE,
      r.revisionNo,
      r.status,
      ACTION[r.status],
      '[]',
      '2028-01-01T00:00:00.000Z',
      'bench',
    ];
  }
}

function* reportRows(tasks, total) {
  for (const r of revisions(tasks, [''], total, 2)) {
    yield [
      r.id,
      `${r.target}|${r.period}`,
      r.target,
      r.period,
      'in_progress',
      SOURCE,
      r.revisionNo,
      r.status,
      ACTION[r.status],
      '[]',
      '2028-01-01T00:00:00.000Z',
      'bench',
    ];
  }
}

async function measure(dialect) {
  const store = await createStore(dialect);
  const driver = openDriver(store);
  try {
    const [{ planId }] = await importPlans(store.handle.db, 1);
    const indicators = (await listIndicators(store.handle.db, planId)).map((i) => i.indicatorId);
    const tasks = (await listTasks(store.handle.db, planId)).map((t) => t.taskId);
    // A few items report more often than once a year, as configured cycles allow.
    for (const [i, frequency] of [
      [0, 'quarterly'],
      [1, 'monthly'],
    ]) {
      await setReportingCycle(store.handle.db, {
        subject: { indicatorId: indicators[i] },
        rule: { frequency, dueMonthOffset: 1, dueDay: 20 },
        actor: 'bench',
      });
    }
    const started = performance.now();
    await bulkInsert(
      driver,
      'observations',
      [
        'id',
        'observation_key',
        'indicator_id',
        'period',
        'scope',
        'value',
        'estimated',
        'source',
        'revision_no',
        'status',
        'action',
        'evidence_json',
        'created_at',
        'created_by',
      ],
      [
        'text',
        'text',
        'text',
        'text',
        'text',
        'float8',
        'int4',
        'text',
        'int4',
        'text',
        'text',
        'text',
        'text',
        'text',
      ],
      observationRows(indicators, Number(args.observations)),
    );
    await bulkInsert(
      driver,
      'progress_reports',
      [
        'id',
        'report_key',
        'task_id',
        'period',
        'progress',
        'narrative',
        'revision_no',
        'status',
        'action',
        'evidence_json',
        'created_at',
        'created_by',
      ],
      ['text', 'text', 'text', 'text', 'text', 'text', 'int4', 'text', 'text', 'text', 'text', 'text'],
      reportRows(tasks, Number(args.reports)),
    );
    const loadMs = performance.now() - started;
    const db = store.handle.db;
    const run = () => reportingStatus(db, { planId, asOf: AS_OF });
    const floor = async () => {
      await listIndicators(db, planId);
      await listTasks(db, planId);
    };
    const result = await run();
    // Ids differ from store to store; stable keys make the digest comparable across runs.
    const stable = result.map(({ targetId: _id, ...rest }) => rest);
    const digest = createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 12);
    const runs = Number(args.runs);
    const time = async (fn) => {
      await fn();
      const times = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
      return median(times);
    };
    const ms = await time(run);
    const floorMs = await time(floor);
    const counts = `${args.observations} observations, ${args.reports} progress reports (synthetic)`;
    console.log(
      `${dialect}: reportingStatus median ${ms.toFixed(1)} ms over ${runs} runs ` +
        `(floor: plan reads ${floorMs.toFixed(1)} ms); ${result.length} owed periods, result sha256 ${digest}; ` +
        `${counts}, ${indicators.length} indicators, ${tasks.length} tasks; load ${(loadMs / 1000).toFixed(1)} s`,
    );
    return {
      bench: 'reporting-status',
      case: `${dialect}: one plan, ${counts}, as of ${AS_OF}`,
      median: ms,
      floor: floorMs,
      notes: `floor = the plan's indicator and task reads; ${result.length} owed periods; result ${digest}`,
    };
  } finally {
    await driver.close();
    await store.handle.close?.();
    await store.drop();
  }
}

const rows = [];
for (const dialect of args.dialects.split(',')) rows.push(await measure(dialect.trim()));
if (args.record) appendRows(rows);
