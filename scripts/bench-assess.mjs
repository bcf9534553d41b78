// bench:assess — time the assessment engine on 3,000 synthetic indicators × 10 periods, beside a
// plain loop over the same data (the floor), and append a dated row to docs/benchmarks.md.
// The data are SYNTHETIC (seeded random numbers for timing only), never real statistics.
// Run after building core: `npx tsc -b packages/core && node scripts/bench-assess.mjs [--runs N] [--no-record]`.
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { appendRows, median } from './bench-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { assessIndicators } = await import(join(root, 'packages/core/dist/index.js'));

const INDICATORS = 3000;
const PERIODS = 10;
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 41;
const WARMUP = 5;

/** Seeded PRNG (mulberry32) so every run times the same data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function target(partial) {
  return {
    text: 'synthetic',
    kind: 'absolute',
    op: '=',
    value: null,
    valueMax: null,
    unit: null,
    scope: null,
    estimated: false,
    year: null,
    change: null,
    reference: null,
    setBy: null,
    qualifier: null,
    parsed: true,
    ...partial,
  };
}

/** A mix of target kinds roughly like a real indicator table, 30% binding, some off-scope rows. */
function makeInputs() {
  const r = rng(20260101);
  const y0 = 2020;
  const yT = y0 + PERIODS;
  const years = Array.from({ length: PERIODS }, (_, i) => y0 + 1 + i);
  const city = { name: '全市平均', points: years.map((y) => ({ period: y, value: 5 + r() * 2 })) };
  const set = {
    name: '市定目标',
    points: [...years.map((y) => ({ period: y, value: 40 - (y - y0) })), { period: yT, value: 30 }],
  };
  const inputs = [];
  for (let i = 0; i < INDICATORS; i++) {
    const pick = r();
    const base = 50 + r() * 100;
    const growth = 1 + (r() * 0.12 - 0.02);
    let indicator;
    let values;
    if (pick < 0.4) {
      indicator = {
        name: `合成水平指标${i}`,
        unit: r() < 0.5 ? '亿元' : '%',
        target: target({ value: base * 1.5, op: r() < 0.3 ? '>=' : r() < 0.5 ? '~' : '=' }),
      };
      values = years.map((y) => base * Math.pow(growth, y - y0));
    } else if (pick < 0.55) {
      indicator = { name: `合成营业收入年均增速${i}`, unit: '%', target: target({ kind: 'rate', value: 6 }) };
      values = years.map(() => 2 + r() * 8);
    } else if (pick < 0.7) {
      indicator = {
        name: `合成新增就业人数${i}`,
        unit: '万人',
        target: target({ kind: 'cumulative', op: '>=', value: 20 }),
      };
      values = years.map(() => 1 + r() * 2);
    } else if (pick < 0.75) {
      indicator = {
        name: `合成地区生产总值增长${i}`,
        unit: '%',
        target: target({ kind: 'range', value: 4.5, valueMax: 5 }),
      };
      values = years.map(() => 3 + r() * 3);
    } else if (pick < 0.85) {
      indicator = {
        name: `合成GDP增长${i}`,
        unit: '%',
        target: target({ kind: 'relative', op: '>', reference: '全市平均' }),
      };
      values = years.map(() => 4 + r() * 3);
    } else if (pick < 0.95) {
      indicator = {
        name: `合成年均浓度${i}`,
        unit: '微克/立方米',
        target: target({ kind: 'external', op: null, setBy: '市' }),
      };
      values = years.map((y) => 42 - (y - y0) * (0.5 + r()));
    } else {
      indicator = {
        name: `合成质量指数${i}`,
        unit: null,
        target: target({ kind: 'qualitative', op: null, text: '稳中有升' }),
      };
      values = years.map((y) => 100 + (y - y0) * (r() - 0.3));
    }
    const observations = values.map((value, k) => ({
      period: years[k],
      value,
      // One row in twenty is in another scope: it must be set aside, which costs a little.
      scope: r() < 0.05 ? '含经开区' : '不含经开区',
      estimated: k === values.length - 1,
    }));
    inputs.push({
      indicator: {
        seq: String(i + 1),
        attribute: r() < 0.3 ? '约束性' : '预期性',
        baseline: { year: y0, value: base, text: '', estimated: false },
        scope: '不含经开区',
        ...indicator,
      },
      plan: { baselineYear: y0, targetYear: yT },
      observations,
      references: [city, set],
      asOf: yT,
    });
  }
  return inputs;
}

/** The floor: one pass over the same observations computing a bare progress ratio per indicator. */
function plainLoop(inputs) {
  let acc = 0;
  for (const input of inputs) {
    const b = input.indicator.baseline.value;
    const t = input.indicator.target.value ?? b;
    let latest = b;
    for (const o of input.observations)
      if (o.scope === input.indicator.scope && o.value !== null) latest = o.value;
    acc += t === b ? 0 : (latest - b) / (t - b);
  }
  return acc;
}

/** Median wall time and median CPU time (user + system, all threads incl. GC) of `runs` calls. */
function time(fn, runs) {
  const wall = [];
  const cpu = [];
  let sink;
  for (let i = 0; i < runs; i++) {
    // Drop the previous run's result first, as a caller would: otherwise two runs' worth of
    // assessments are alive at once and the timing measures the benchmark's own retention.
    sink = undefined;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sink = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(wall), minMs: Math.min(...wall), cpuMs: median(cpu), sink };
}

const inputs = makeInputs();
time(() => assessIndicators(inputs), WARMUP);
time(() => plainLoop(inputs), WARMUP);
const engine = time(() => assessIndicators(inputs), RUNS);
const floor = time(() => plainLoop(inputs), RUNS);
const counts = {};
for (const a of engine.sink) counts[a.status] = (counts[a.status] ?? 0) + 1;
const ratio = engine.ms / floor.ms;
const benchCase = `${INDICATORS} indicators × ${PERIODS} periods`;
console.log(`bench:assess  ${benchCase}, ${RUNS} runs (median)`);
console.log(
  `  engine  ${engine.ms.toFixed(2)} ms  (${((engine.ms * 1000) / INDICATORS).toFixed(1)} µs per indicator; goal < 200 ms; CPU ${engine.cpuMs.toFixed(1)} ms; fastest run ${engine.minMs.toFixed(1)} ms)`,
);
console.log(`  floor   ${floor.ms.toFixed(3)} ms  (plain loop over the same observations)`);
console.log(`  ratio   ${ratio.toFixed(0)}×`);
console.log(`  statuses ${JSON.stringify(counts)}`);

if (process.argv.includes('--no-record')) process.exit(0);
const load = loadavg()[0].toFixed(1);
appendRows([
  {
    bench: 'assess',
    case: `${benchCase}, synthetic mixed kinds`,
    median: engine.ms,
    floor: floor.ms,
    notes: `${RUNS} runs; CPU median ${engine.cpuMs.toFixed(0)} ms; fastest ${engine.minMs.toFixed(0)} ms; goal < 200 ms (${engine.ms < 200 ? 'met' : 'missed'}); load avg ${load}`,
  },
]);
console.log('  appended a row to docs/benchmarks.md');
