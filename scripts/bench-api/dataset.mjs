// The province-scale dataset of bench:api. Plans are the bundled sample outline imported under
// distinct slugs through the real `importPlanVersion` (27 indicators each). Observation history is
// SYNTHETIC — seeded random values labelled as such in `source` — bulk-inserted through the driver
// because going through the review flow one revision at a time would take hours.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestText } from '../../packages/core/dist/index.js';
import { importPlanVersion, listIndicators } from '../../packages/db/dist/index.js';
import { createUser, hashPassword } from '../../packages/server/dist/index.js';

export const SYNTHETIC_SOURCE = '基准测试合成数据（非真实统计） / synthetic benchmark data';
export const BENCH_EMAIL = 'bench-office@plantrack.local';
export const BENCH_PASSWORD = 'bench-only-password-not-secret';

const SAMPLE = fileURLToPath(new URL('../../examples/wujin-15th-outline.txt', import.meta.url));
const SCOPES = ['', '城镇', '农村'];
const YEARS = Array.from({ length: 10 }, (_, i) => 2021 + i);

/** Seeded PRNG (mulberry32) so every run builds the same values. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Imports `count` copies of the sample plan; returns [{ planId, indicators: [{ id, unit }] }]. */
export async function importPlans(db, count) {
  const text = readFileSync(SAMPLE, 'utf8');
  const model = ingestText(text, { fileName: 'wujin-15th-outline.txt' });
  const plans = [];
  for (let n = 1; n <= count; n++) {
    // The first copy is the sample as ingested; the others say in their title that they are copies.
    const copy =
      n === 1
        ? model
        : {
            ...model,
            plan: { ...model.plan, title: `${model.plan.title}（基准测试副本 ${n} / benchmark copy）` },
          };
    const { planId } = await importPlanVersion(db, {
      model: copy,
      text,
      fileName: 'wujin-15th-outline.txt',
      actor: 'bench',
      planSlug: `bench-${String(n).padStart(3, '0')}`,
    });
    const indicators = await listIndicators(db, planId);
    plans.push({ planId, indicators: indicators.map((i) => ({ id: i.indicatorId, unit: i.unit })) });
  }
  return plans;
}

/**
 * The user the benchmark signs in as (planning office: may read everything and submit values);
 * resolves with its id.
 */
export async function createBenchUser(db) {
  const user = await createUser(db, {
    email: BENCH_EMAIL,
    displayName: '基准测试用户',
    passwordHash: await hashPassword(BENCH_PASSWORD),
    roles: ['planning_office'],
    grantedBy: 'bench',
  });
  return user.id;
}

/** Every candidate (period, scope) of one indicator: years and quarters in 3 scopes, months in 1. */
function candidateKeys() {
  const keys = [];
  for (const y of YEARS) {
    for (const scope of SCOPES) {
      keys.push({ period: String(y), scope, end: Date.UTC(y + 1, 0, 1) });
      for (let q = 1; q <= 4; q++) keys.push({ period: `${y}Q${q}`, scope, end: Date.UTC(y, q * 3, 1) });
    }
    for (let m = 1; m <= 12; m++) {
      keys.push({ period: `${y}-${String(m).padStart(2, '0')}`, scope: '', end: Date.UTC(y, m, 1) });
    }
  }
  return keys;
}

/** A UUID v7-shaped id from a (synthetic) time and the seeded PRNG. */
function syntheticId(ms, random) {
  const hex = ms.toString(16).padStart(12, '0');
  const r16 = () =>
    Math.floor(random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r16().slice(1)}-${variant}${r16().slice(1)}-${r16()}${r16()}${r16()}`;
}

const DAY = 86_400_000;
/** Revision chains and how often they occur: mostly submitted then approved. */
const CHAINS = [
  { p: 0.7, steps: ['submit', 'approve'] },
  { p: 0.1, steps: ['submit', 'return', 'submit', 'approve'] },
  { p: 0.12, steps: ['submit'] },
  { p: 0.08, steps: ['save_draft'] },
];
const STATUS = { submit: 'submitted', approve: 'approved', return: 'returned', save_draft: 'draft' };

/**
 * Yields the synthetic observation revisions, `total` rows spread evenly over the indicators, in
 * batches of arrays of column values (the order of {@link OBSERVATION_COLUMNS}). Deterministic for
 * a given seed and indicator list.
 */
export function* observationBatches(indicators, total, batchSize, seed = 20260101) {
  const random = rng(seed);
  const candidates = candidateKeys();
  const perIndicator = Math.floor(total / indicators.length);
  let extra = total - perIndicator * indicators.length;
  let batch = [];
  // Ids carry a clock that advances with every row, so they arrive in index order as UUID v7 ids
  // written one after another do (random ids would make the bulk load seek all over the B-trees).
  let idClock = Date.UTC(2021, 0, 1);
  for (const indicator of indicators) {
    let budget = perIndicator + (extra-- > 0 ? 1 : 0);
    const order = candidates.map((c) => ({ c, k: random() })).sort((a, b) => a.k - b.k);
    const base = 10 + random() * 990;
    const growth = 0.98 + random() * 0.12;
    for (const { c } of order) {
      if (budget === 0) break;
      let pick = random();
      const chain = CHAINS.find((x) => (pick -= x.p) < 0) ?? CHAINS[0];
      const steps = chain.steps.slice(0, budget);
      budget -= steps.length;
      const yearsIn = Number(c.period.slice(0, 4)) - 2020;
      const value = Math.round(base * growth ** yearsIn * (0.97 + random() * 0.06) * 100) / 100;
      const key = `${indicator.id}|${c.period}|${c.scope}`;
      let at = c.end + Math.floor(random() * 20 * DAY);
      let previous = null;
      steps.forEach((action, i) => {
        at += Math.floor((1 + random() * 5) * DAY);
        const id = syntheticId(idClock++, random);
        batch.push([
          id,
          key,
          indicator.id,
          c.period,
          c.scope,
          value,
          null,
          indicator.unit,
          random() < 0.1 ? 1 : 0,
          SYNTHETIC_SOURCE,
          i + 1,
          STATUS[action],
          action,
          action === 'return' ? '合成退回原因 / synthetic return reason' : null,
          null,
          '[]',
          new Date(at).toISOString(),
          action === 'approve' || action === 'return' ? 'bench-reviewer' : 'bench-reporter',
          null,
          previous,
        ]);
        previous = id;
      });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

export const OBSERVATION_COLUMNS = [
  'id',
  'observation_key',
  'indicator_id',
  'period',
  'scope',
  'value',
  'value_text',
  'unit',
  'estimated',
  'source',
  'revision_no',
  'status',
  'action',
  'reason',
  'comment',
  'evidence_json',
  'created_at',
  'created_by',
  'idempotency_key',
  'supersedes_id',
];
const PG_TYPES = [
  'text',
  'text',
  'text',
  'text',
  'text',
  'float8',
  'text',
  'text',
  'int4',
  'text',
  'int4',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
];

/** Bulk-inserts the synthetic observations through the driver; returns the number of rows. */
export async function loadObservations(driver, indicators, total) {
  let rows = 0;
  if (driver.dialect === 'sqlite') {
    // A large page cache for the load only: the default 2 MB spills index pages to the WAL again and again.
    driver.sqlite.pragma('cache_size = -512000');
    const insert = driver.sqlite.prepare(
      `insert into observations (${OBSERVATION_COLUMNS.join(', ')}) values (${OBSERVATION_COLUMNS.map(() => '?').join(', ')})`,
    );
    const insertMany = driver.sqlite.transaction((batch) => {
      for (const row of batch) insert.run(row);
    });
    for (const batch of observationBatches(indicators, total, 50_000)) {
      insertMany(batch);
      rows += batch.length;
    }
    return rows;
  }
  // One INSERT … SELECT FROM unnest(arrays) per batch: one round trip for 10,000 rows.
  const arrays = PG_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const statement = `insert into observations (${OBSERVATION_COLUMNS.join(', ')}) select * from unnest(${arrays})`;
  const client = await driver.pool.connect();
  try {
    for (const batch of observationBatches(indicators, total, 10_000)) {
      const columns = OBSERVATION_COLUMNS.map((_, c) => batch.map((row) => row[c]));
      await client.query(statement, columns);
      rows += batch.length;
    }
  } finally {
    client.release();
  }
  return rows;
}
