/**
 * The published progress methods PlanTrack is compared with in docs/methodology.md §9, written
 * out from their documented rules so the comparison can be recomputed and tested. They are
 * reference implementations for comparison, not part of PlanTrack's method.
 * - Open SDG: `sdg/ProgressMeasure.py` in open-sdg/sdg-build (the Statistics Canada method), as
 *   read at commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67;
 * - the UN SDG Progress Chart (UN DESA Statistics Division, Progress Chart technical note), trend
 *   measure with a target, as summarised in the product brief §6;
 * - Uganda NDP III ratings on DHIS2: actual ÷ target.
 * Statuses use one neutral vocabulary: on-track = Open SDG "substantial progress" / UN "on track";
 * moderate = "moderate" / "fair progress"; limited; deterioration; not-computable = "not available".
 */
export type PublishedStatus =
  'target-achieved' | 'on-track' | 'moderate' | 'limited' | 'deterioration' | 'not-computable';

/** One indicator as the SDG methods see it: a base point, a latest point, a target (or none). */
export type PublishedCase = {
  baseYear: number;
  baseValue: number;
  year: number;
  value: number;
  target: number | null;
  targetYear: number;
  direction: 'higher' | 'lower';
};

function cagr(end: number, start: number, years: number): number {
  return Math.pow(end / start, 1 / years) - 1;
}

function achieved(c: PublishedCase, target: number): boolean {
  return c.direction === 'higher' ? c.value >= target : c.value <= target;
}

function band(x: number, high: number, med: number, low: number): PublishedStatus {
  if (!Number.isFinite(x)) return 'not-computable';
  if (x >= high) return 'on-track';
  if (x >= med) return 'moderate';
  if (x >= low) return 'limited';
  return 'deterioration';
}

/**
 * Open SDG's progress value as its code computes it: a zero base or target is replaced by 0.001;
 * a sign change between base and latest gives no value; with a target
 * p = sign(base) × direction × CAGR(observed) ÷ |CAGR(required)|, without one
 * p = sign(base) × direction × CAGR(observed). Null when not computable.
 */
export function openSdgProgressValue(c: PublishedCase): number | null {
  const base = c.baseValue === 0 ? 0.001 : c.baseValue;
  if ((base > 0 && c.value < 0) || (base < 0 && c.value > 0)) return null;
  if (c.year - c.baseYear < 1) return null;
  const sign = base < 0 ? -1 : 1;
  const dir = c.direction === 'higher' ? 1 : -1;
  const observed = cagr(c.value, base, c.year - c.baseYear);
  if (c.target === null) return sign * dir * observed;
  const target = c.target === 0 ? 0.001 : c.target;
  const required = cagr(target, base, c.targetYear - c.baseYear);
  const p = (sign * dir * observed) / Math.abs(required);
  return Number.isFinite(p) ? p : null;
}

/**
 * Open SDG status: target achieved first; with a target 0.95 / 0.6 / 0 on p; without one
 * 0.015 / 0.005 / 0 on the signed CAGR.
 */
export function openSdgStatus(c: PublishedCase): PublishedStatus {
  if (c.target !== null && achieved(c, c.target === 0 ? 0.001 : c.target)) return 'target-achieved';
  const p = openSdgProgressValue(c);
  if (p === null) return 'not-computable';
  return c.target === null ? band(p, 0.015, 0.005, 0) : band(p, 0.95, 0.6, 0);
}

/** The SDG trend ratio as the Progress Chart states it: R = CAGR(observed) ÷ CAGR(required). */
export function sdgTrendRatio(c: PublishedCase): number | null {
  if (c.target === null) return null;
  const r =
    cagr(c.value, c.baseValue, c.year - c.baseYear) / cagr(c.target, c.baseValue, c.targetYear - c.baseYear);
  return Number.isFinite(r) ? r : null;
}

/** UN SDG Progress Chart with a target: R ≥ 0.95 on track, ≥ 0.5 fair, ≥ −0.1 limited, else deterioration. */
export function unProgressChartStatus(c: PublishedCase): PublishedStatus {
  if (c.target !== null && achieved(c, c.target)) return 'target-achieved';
  const r = sdgTrendRatio(c);
  return r === null ? 'not-computable' : band(r, 0.95, 0.5, -0.1);
}

/** Uganda NDP III: actual ÷ target (target ÷ actual for descending indicators): ≥ 100%, ≥ 75%, below. */
export function ugandaNdpRating(
  actual: number,
  target: number,
  descending: boolean,
): 'achieved' | 'moderately-achieved' | 'not-achieved' | 'not-computable' {
  const r = descending ? target / actual : actual / target;
  if (!Number.isFinite(r)) return 'not-computable';
  if (r >= 1) return 'achieved';
  if (r >= 0.75) return 'moderately-achieved';
  return 'not-achieved';
}
