// npm run bench:projects — the major-project register at city scale. On each database (SQLite in a
// temporary folder, then a throwaway PostgreSQL database dropped afterwards) it builds one plan
// with 5,000 SYNTHETIC projects (annual plan investment for 2026–2030) and 60 months of approved
// monthly reports each (300,000 report revisions), starts the real app and measures:
//   - GET /api/plans/{id}/projects/dashboard at 50 connections (p99), beside its floor: the same
//     three reads (projects with the year's plan, the year's approved reports, open issues) run
//     directly through the driver by the same 50 callers;
//   - POST /api/plans/{id}/projects/import of a 1,000-row sheet (commit), beside its floor: reading
//     the sheet plus inserting the same 1,000 rows with raw SQL in one transaction.
// Appends rows to docs/benchmarks.md.
//
//   node scripts/bench-projects.mjs [--quick] [--sqlite-only|--postgres-only] [--seconds N] [--no-record]
//
// --quick: 50 projects × 60 months, 2 s of load, a 50-row sheet (a smoke test, not a measurement).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { readProjectSheet, writeProjectSheet } from '../packages/formats/dist/index.js';
import { appendRows, median } from './bench-lib.mjs';
import { createBenchUser, importPlans, rng } from './bench-api/dataset.mjs';
import { querier } from './bench-api/floors.mjs';
import { apiToken, startServer } from './bench-api/server-control.mjs';
import { driveApi, driveFloor } from './bench-api/load.mjs';
import { createStore, openDriver } from './bench-api/stores.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const record = !args.includes('--no-record');
const secondsArg = args.indexOf('--seconds');
const SECONDS = secondsArg >= 0 ? Number(args[secondsArg + 1]) : quick ? 2 : 10;
const WARMUP = quick ? 1 : 2;
const CONNECTIONS = 50;
const PROJECTS = quick ? 50 : 5_000;
const MONTHS = 60;
const SHEET_ROWS = quick ? 50 : 1_000;
const IMPORT_RUNS = quick ? 2 : 3;
const FIRST_YEAR = 2026;
const YEAR = 2028;
const AS_OF = '2028-06-30';
const dialects = args.includes('--sqlite-only')
  ? ['sqlite']
  : args.includes('--postgres-only')
    ? ['postgres']
    : ['sqlite', 'postgres'];

const CATEGORIES = ['产业', '基础设施', '社会民生', '生态环保'];
const TOWNS = ['湖塘镇', '牛塘镇', '洛阳镇', '遥观镇', '横林镇', '雪堰镇', '前黄镇', '礼嘉镇'];
const UNITS = [
  '区发展和改革局',
  '区工业和信息化局',
  '区交通运输局',
  '区住房和城乡建设局',
  '区水利局',
  '区教育局',
];
const ms = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');

async function insertRows(q, table, columns, rows) {
  const per = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await q.query(
      `insert into ${table} (${columns.join(', ')}) values ${chunk.map(() => per).join(', ')}`,
      chunk.flat(),
    );
  }
}

/** 5,000 synthetic projects with 60 months of approved reports; deterministic. */
async function loadProjects(driver, planId) {
  const q = querier(driver);
  const random = rng(20280630);
  const now = new Date().toISOString();
  const projects = [];
  const plans = [];
  const reports = [];
  const issues = [];
  for (let n = 0; n < PROJECTS; n++) {
    const id = randomUUID();
    const total = Math.round(5_000 + random() * 95_000);
    projects.push([
      id,
      planId,
      `合成项目${n + 1}（基准测试）`,
      CATEGORIES[n % 4],
      TOWNS[n % 8],
      UNITS[n % 6],
      '',
      '[]',
      '[]',
      '在建',
      1,
      1,
      now,
      now,
      total,
    ]);
    for (let y = 0; y < MONTHS / 12; y++) plans.push([id, FIRST_YEAR + y, Math.round(total / 5)]);
    for (let y = 0; y < MONTHS / 12; y++) {
      let ytd = 0;
      for (let m = 1; m <= 12; m++) {
        const month = Math.round((total / 60) * (0.5 + random()));
        ytd += month;
        reports.push([
          randomUUID(),
          id,
          FIRST_YEAR + y,
          m,
          1,
          'approved',
          'approve',
          month,
          ytd,
          '合成形象进度',
          null,
          '[]',
          now,
          'bench',
        ]);
      }
    }
    if (n % 10 === 0)
      issues.push([
        randomUUID(),
        id,
        '合成问题（基准测试）',
        UNITS[(n + 1) % 6],
        '2028-03-31',
        'open',
        now,
        'bench',
      ]);
  }
  await q.transaction(async (t) => {
    await insertRows(
      t,
      'projects',
      [
        'id',
        'plan_id',
        'name',
        'category',
        'place',
        'lead_unit',
        'content',
        'serves_json',
        'funding_json',
        'stage',
        'published',
        'revision',
        'created_at',
        'updated_at',
        'total_wan',
      ],
      projects,
    );
    await insertRows(t, 'project_annual_plans', ['project_id', 'year', 'plan_wan'], plans);
  });
  for (let i = 0; i < reports.length; i += 20_000) {
    await q.transaction((t) =>
      insertRows(
        t,
        'project_reports',
        [
          'id',
          'project_id',
          'year',
          'month',
          'revision_no',
          'status',
          'action',
          'month_wan',
          'ytd_wan',
          'progress_text',
          'reason',
          'evidence_json',
          'created_at',
          'created_by',
        ],
        reports.slice(i, i + 20_000),
      ),
    );
  }
  await q.transaction((t) =>
    insertRows(
      t,
      'project_issues',
      ['id', 'project_id', 'text', 'department', 'deadline', 'state', 'created_at', 'created_by'],
      issues,
    ),
  );
  if (driver.dialect === 'postgres') await driver.pool.query('analyze');
  return reports.length;
}

/** The dashboard's reads, written out by hand: what the repository asks the database. */
function dashboardFloor(q, planId) {
  return async () => {
    await q.query(
      'select p.id, p.name, p.category, p.lead_unit, p.place, p.stage, p.planned_start, p.actual_start, p.planned_completion, p.actual_completion, ap.plan_wan from projects p left join project_annual_plans ap on ap.project_id = p.id and ap.year = ? where p.plan_id = ?',
      [YEAR, planId],
    );
    await q.query(
      "select r.project_id, r.month, r.ytd_wan, r.revision_no from project_reports r inner join projects p on p.id = r.project_id where p.plan_id = ? and r.year = ? and r.status = 'approved'",
      [planId, YEAR],
    );
    await q.query(
      "select i.project_id, i.text, i.department, i.deadline, i.state from project_issues i inner join projects p on p.id = i.project_id where p.plan_id = ? and i.state = 'open'",
      [planId],
    );
  };
}

function sheet(prefix) {
  const rows = Array.from({ length: SHEET_ROWS }, (_, i) => ({
    seq: String(i + 1),
    code: null,
    name: `${prefix}导入项目${i + 1}（基准测试）`,
    category: CATEGORIES[i % 4],
    nature: '新开工',
    content: '合成建设内容',
    totalWan: 10_000 + i,
    annualPlanWan: 2_000,
    years: { startYear: 2028, endYear: 2030 },
    leadUnit: UNITS[i % 6],
    place: TOWNS[i % 8],
    owner: null,
  }));
  return writeProjectSheet(rows, { title: '合成项目清单（基准测试）' });
}

async function benchDialect(dialect) {
  console.log(`\n== ${dialect} ==`);
  const store = await createStore(dialect);
  const rows = [];
  try {
    const [plan] = await importPlans(store.handle.db, 1);
    await createBenchUser(store.handle.db);
    await store.handle.close();
    const driver = openDriver(store);
    const started = performance.now();
    const reportCount = await loadProjects(driver, plan.planId);
    const summary = `${PROJECTS.toLocaleString('en')} projects, ${reportCount.toLocaleString('en')} synthetic report revisions`;
    console.log(`  dataset: ${summary} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const server = await startServer(store.openOptions);
    try {
      const token = await apiToken(server.address, 'bench:projects');
      const auth = { authorization: `Bearer ${token}` };
      const path = `/api/plans/${plan.planId}/projects/dashboard?year=${YEAR}&asOf=${AS_OF}`;
      const probe = await fetch(`${server.address}${path}`, { headers: auth });
      if (!probe.ok) throw new Error(`dashboard: ${probe.status} ${(await probe.text()).slice(0, 300)}`);
      const api = await driveApi({
        url: server.address,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP,
        next: () => ({ method: 'GET', path, headers: auth }),
        settle: () => fetch(`${server.address}${path}`, { headers: auth }),
      });
      const q = querier(driver);
      const floor = await driveFloor({
        concurrency: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP,
        call: dashboardFloor(q, plan.planId),
      });
      const met = api.p99 <= 50 && api.non2xx === 0 && api.errors === 0;
      console.log(
        `  dashboard p50 ${ms(api.p50)}  p99 ${ms(api.p99)} ms  ${api.perSecond.toFixed(0)} req/s  non-2xx ${api.non2xx} | floor p50 ${ms(floor.p50)}  p99 ${ms(floor.p99)} ms  goal p99 ≤ 50 ms: ${met ? 'met' : 'MISSED'}`,
      );
      rows.push({
        bench: `projects ${dialect}`,
        case: `GET /api/plans/{id}/projects/dashboard, 50 conn, ${SECONDS} s`,
        median: api.p50,
        floor: floor.p50,
        notes: `median = p50; p99 ${ms(api.p99)} (floor p99 ${ms(floor.p99)}); ${api.perSecond.toFixed(0)} req/s; non-2xx ${api.non2xx}; errors ${api.errors}; goal p99 ≤ 50 ms (${met ? 'met' : 'missed'}); ${summary}; load avg ${loadavg()[0].toFixed(1)}`,
      });

      const importTimes = [];
      const floorTimes = [];
      for (let run = 0; run < IMPORT_RUNS; run++) {
        const bytes = sheet(`第${run + 1}批`);
        const form = new FormData();
        form.append('file', new Blob([bytes]), 'projects.xlsx');
        const t0 = performance.now();
        const res = await fetch(
          `${server.address}/api/plans/${plan.planId}/projects/import?mode=commit&year=${YEAR}`,
          { method: 'POST', headers: auth, body: form },
        );
        const body = await res.json();
        importTimes.push(performance.now() - t0);
        if (!res.ok || !body.committed || body.created !== SHEET_ROWS)
          throw new Error(`import: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        const f0 = performance.now();
        const read = readProjectSheet(bytes);
        const now = new Date().toISOString();
        await q.transaction((t) =>
          insertRows(
            t,
            'projects',
            [
              'id',
              'plan_id',
              'name',
              'category',
              'place',
              'lead_unit',
              'content',
              'serves_json',
              'funding_json',
              'stage',
              'published',
              'revision',
              'created_at',
              'updated_at',
              'total_wan',
            ],
            read.importable.map((r) => [
              randomUUID(),
              plan.planId,
              `floor ${run} ${r.name}`,
              r.category,
              r.place,
              r.leadUnit,
              r.content ?? '',
              '[]',
              '[]',
              '在建',
              0,
              1,
              now,
              now,
              r.totalWan,
            ]),
          ),
        );
        floorTimes.push(performance.now() - f0);
      }
      const imp = median(importTimes);
      const flo = median(floorTimes);
      const metImport = imp < 3000;
      console.log(
        `  import ${SHEET_ROWS} rows: median ${ms(imp)} ms | floor ${ms(flo)} ms  goal < 3000 ms: ${metImport ? 'met' : 'MISSED'}`,
      );
      rows.push({
        bench: `projects ${dialect}`,
        case: `POST /api/plans/{id}/projects/import, ${SHEET_ROWS}-row sheet, commit`,
        median: imp,
        floor: flo,
        notes: `median of ${IMPORT_RUNS} runs (${importTimes.map((t) => t.toFixed(0)).join(', ')} ms); floor = read the sheet + insert the rows with raw SQL in one transaction; goal < 3000 ms (${metImport ? 'met' : 'missed'}); ${summary}; load avg ${loadavg()[0].toFixed(1)}`,
      });
    } finally {
      await server.close();
      await driver.close();
    }
  } finally {
    await store.drop();
  }
  return rows;
}

const all = [];
for (const dialect of dialects) all.push(...(await benchDialect(dialect)));
if (record && !quick) appendRows(all);
else console.log(`\n(${quick ? '--quick' : '--no-record'}: not written to docs/benchmarks.md)`);
