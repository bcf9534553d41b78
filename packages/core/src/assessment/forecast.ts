import type { PathModel } from './assessment.types.js';

/** A year-value point of the observed trend. */
export type TrendPoint = { t: number; v: number };

/** A fitted trend: value at year t is `project(t)`. */
export type Trend = {
  model: 'linear-trend' | 'log-linear-trend';
  pointsUsed: number;
  project: (t: number) => number;
};

/**
 * Fit the observed trend by least squares over all points (baseline included): a straight line
 * for linear paths, a straight line on ln(value) for compound paths (all values positive).
 * Least squares over every point, rather than first-to-last, keeps one odd year from swinging
 * the forecast; with two points both give the same line. Needs at least two distinct years.
 * Returns the trend and whether a compound fit had to fall back to linear (zero/negative values).
 */
export function fitTrend(
  points: readonly TrendPoint[],
  model: PathModel,
): { trend: Trend; fellBack: boolean } | null {
  if (points.length < 2) return null;
  const wantLog = model === 'compound';
  const canLog = wantLog && points.every((p) => p.v > 0);
  const n = points.length;
  let st = 0;
  let sv = 0;
  for (const p of points) {
    st += p.t;
    sv += canLog ? Math.log(p.v) : p.v;
  }
  const mt = st / n;
  const mv = sv / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dt = p.t - mt;
    sxx += dt * dt;
    sxy += dt * ((canLog ? Math.log(p.v) : p.v) - mv);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = mv - slope * mt;
  const trend: Trend = canLog
    ? { model: 'log-linear-trend', pointsUsed: n, project: (t) => Math.exp(intercept + slope * t) }
    : { model: 'linear-trend', pointsUsed: n, project: (t) => intercept + slope * t };
  return { trend, fellBack: wantLog && !canLog };
}
