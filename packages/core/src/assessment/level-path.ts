import type { Target } from '../model/plan-model.schema.js';
import type { Assessment, Direction, PathModel } from './assessment.types.js';

/** Money (亿元, 万元, 美元) grows multiplicatively; shares, years and counts move by steps. */
const MULTIPLICATIVE_UNIT = /元/;

/**
 * Default path model by unit and kind: compound for monetary quantities and for rate targets
 * (which are compound by definition), linear for levels and shares. The office may override it.
 */
export function defaultPathModel(unit: string | null, kind: Target['kind']): PathModel {
  if (kind === 'rate') return 'compound';
  return unit !== null && MULTIPLICATIVE_UNIT.test(unit) ? 'compound' : 'linear';
}

/** A compound path needs a positive start and end: ratios of zero or negatives have no meaning. */
export function compoundApplicable(start: number, end: number): boolean {
  return start > 0 && end > 0;
}

/**
 * Expected value at year `t` on the path from `(y0, start)` to `(yT, end)`.
 * linear: E = B + (T − B)·(t − y0)/(yT − y0); compound: E = B·(T/B)^((t − y0)/(yT − y0)).
 * Callers check `compoundApplicable` first; a non-applicable compound path falls back to linear.
 */
export function expectedOnPath(
  model: PathModel,
  start: number,
  end: number,
  y0: number,
  yT: number,
  t: number,
): number {
  const f = yT === y0 ? 1 : (t - y0) / (yT - y0);
  if (model === 'compound' && compoundApplicable(start, end)) {
    return start * Math.pow(end / start, f);
  }
  return start + (end - start) * f;
}

/**
 * The expected path never moves against the indicator's direction: a higher-is-better indicator
 * whose baseline already meets a lower target (一般公共预算收入 225 against 218) is expected to hold
 * its level, not to fall to the target. Returns `expected` held at `start` when it lies on the
 * worse side of it; unchanged when the direction is unknown.
 */
export function holdDirection(expected: number, start: number, direction: Direction | null): number {
  if (direction === 'higher') return Math.max(expected, start);
  if (direction === 'lower') return Math.min(expected, start);
  return expected;
}

/** Methods whose expected value is a point on a path from the baseline to a target level. */
const PATH_METHODS: ReadonlySet<Assessment['method']> = new Set(['level-path', 'level-change', 'range-band']);

/**
 * The expected path of an assessed level target, one `[year, value]` per year from the baseline
 * year to `targetYear`, for charts and reports; empty for the other kinds. The path is held at the
 * baseline wherever it would move against the direction (see `holdDirection`).
 */
export function expectedPathOf(a: Assessment, targetYear: number): [number, number][] {
  if (!PATH_METHODS.has(a.method) || a.baseline === null || a.targetValue === null) return [];
  const b = a.baseline;
  const model = a.pathModel ?? 'linear';
  const out: [number, number][] = [];
  for (let y = b.year; y <= targetYear; y++) {
    const e = expectedOnPath(model, b.value, a.targetValue, b.year, targetYear, y);
    out.push([y, Math.round(holdDirection(e, b.value, a.direction.value) * 1e4) / 1e4]);
  }
  return out;
}

/**
 * Required annual change from `current` to reach `target` in `yearsLeft` years:
 * compound → rate (target ÷ current)^(1/years) − 1, as Chinese practice states it;
 * linear → amount (target − current) ÷ years. Returns null when no year is left or the
 * compound rate is undefined (zero or negative values).
 */
export function requiredAnnual(
  model: PathModel,
  current: number,
  target: number,
  yearsLeft: number,
): { kind: 'annual-rate' | 'annual-amount'; value: number } | null {
  if (yearsLeft <= 0) return null;
  if (model === 'compound') {
    if (!compoundApplicable(current, target)) return null;
    return { kind: 'annual-rate', value: (Math.pow(target / current, 1 / yearsLeft) - 1) * 100 };
  }
  return { kind: 'annual-amount', value: (target - current) / yearsLeft };
}

/** Compound average annual rate (CAGR) between two positive levels, as a fraction; null otherwise. */
export function cagr(start: number, end: number, years: number): number | null {
  if (years <= 0 || !compoundApplicable(start, end)) return null;
  return Math.pow(end / start, 1 / years) - 1;
}
