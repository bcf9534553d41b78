import type { Indicator } from '@plantrack/core';

/** The source text of every simulated figure: no demo value can pass for a published one. */
export const DEMO_SOURCE = '演示数据（模拟值）';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo data on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A string's seed (FNV-1a), so each indicator's path depends on its number only. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * Paces of progress toward the target (1 = on the expected path). The slow ones make lagging
 * indicators, so 预警 has content; the fast ones make 提前实现 / 快于预期.
 */
const PACES = [1.25, 1.05, 0.95, 1.0, 0.45, 1.1, 0.2, 0.9] as const;

export type SimulatedPoint = { period: string; value: number };
export type SimulatedSeries = {
  /** The indicator's own simulated values (years, and quarters where reported quarterly). */
  points: SimulatedPoint[];
  /** For relative and external targets: the simulated comparison series. */
  reference: {
    name: string;
    kind: 'city-average' | 'external-target' | 'other';
    points: SimulatedPoint[];
  } | null;
  pace: number;
};

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const digitsFor = (magnitude: number): number =>
  Math.abs(magnitude) >= 1000 ? 0 : Math.abs(magnitude) >= 100 ? 1 : 2;

/**
 * Simulated values of one indicator for the base year 2025 and the years (and quarters) given.
 * The sample outline states no base values, so where the target is a level the base is placed
 * below it (above it for lower-is-better) and the path moves toward the target at the
 * indicator's pace. Nothing here is a real figure; the caller marks every value {@link DEMO_SOURCE}.
 */
export function simulateIndicator(
  ind: Indicator,
  years: readonly number[],
  quarters: readonly string[],
): SimulatedSeries {
  const rand = seededRandom(seedOf(`demo:${ind.seq}`));
  const pace = PACES[Math.floor(rand() * PACES.length)] ?? 1;
  const noise = (scale: number): number => (rand() - 0.5) * 2 * scale;
  const t = ind.target;
  const annual = (f: (y: number) => number, digits: number): SimulatedPoint[] =>
    years.map((y) => ({ period: String(y), value: round(f(y), digits) }));
  const quarterly = (f: (q: string) => number, digits: number): SimulatedPoint[] =>
    quarters.map((q) => ({ period: q, value: round(f(q), digits) }));

  if (t.kind === 'relative' || t.kind === 'external') {
    const lower = ind.direction === 'lower';
    // A plausible magnitude for the comparison series from the unit alone (simulated, marked).
    const level = /微克/.test(ind.unit ?? '')
      ? 32
      : /年/.test(ind.unit ?? '')
        ? 11.5
        : /增长|增速|降低/.test(ind.name)
          ? 5.5
          : 80;
    const ref = (y: number): number =>
      lower ? level * (1 - 0.02 * (y - 2025)) : level * (1 + 0.01 * (y - 2025));
    // Ahead of the reference when the pace is good, behind it when slow.
    const gap = (pace - 0.8) * (level / 20);
    const own = (y: number): number => (lower ? ref(y) - gap : ref(y) + gap) + noise(level / 100);
    const name = t.kind === 'relative' ? (t.reference ?? '全市平均') : '市定目标';
    const kind = t.kind === 'external' ? 'external-target' : /平均/.test(name) ? 'city-average' : 'other';
    const refYears = years.map((y) => ({ period: String(y), value: round(ref(y), 2) }));
    const growth = /增长|增速/.test(ind.name);
    return {
      points: [...annual(own, 2), ...(growth ? quarterly((q) => own(Number(q.slice(0, 4))), 2) : [])],
      reference: { name, kind, points: refYears },
      pace,
    };
  }
  if (t.value === null) return { points: [], reference: null, pace };
  const T = t.value;
  if (t.kind === 'rate') {
    const rate = (): number => T * (0.6 + 0.4 * pace) + noise(T * 0.05);
    return { points: [...annual(rate, 2), ...quarterly(rate, 2)], reference: null, pace };
  }
  if (t.kind === 'cumulative') {
    // The yearly increment (a sum) or the yearly rate of change (a percentage), at the pace.
    return {
      points: annual((y) => (y === 2025 ? T / 5 : (T / 5) * pace + noise(T / 100)), 2),
      reference: null,
      pace,
    };
  }
  const lower = ind.direction === 'lower';
  const base = lower ? T * (1.1 + 0.1 * rand()) : T * (0.82 + 0.1 * rand());
  const digits = digitsFor(T);
  const level = (y: number): number => {
    const share = Math.min(1.2, ((y - 2025) / 5) * pace);
    return base + (T - base) * share + (y === 2025 ? 0 : noise(Math.abs(T - base) * 0.03));
  };
  return { points: annual(level, digits), reference: null, pace };
}
