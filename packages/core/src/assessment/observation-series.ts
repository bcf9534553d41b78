import type { Observation, SetAsideObservation, UsedObservation } from './assessment.types.js';

/**
 * Canonical form of a scope (口径) for comparison: whitespace and brackets dropped, then mapped
 * through the office's aliases (`不含经开区` = `不含常州经开区`). Null means "not stated".
 */
export function canonicalScope(
  scope: string | null | undefined,
  aliases: Readonly<Record<string, string>> | undefined,
): string | null {
  if (scope === null || scope === undefined) return null;
  let s = cleaned.get(scope);
  if (s === undefined) {
    s = scope.replace(CLEAN, '');
    // A handful of scope spellings recur across millions of rows: remember them, within a bound.
    if (cleaned.size > 1024) cleaned.clear();
    cleaned.set(scope, s);
  }
  if (s === '') return null;
  return aliases?.[s] ?? s;
}

const CLEAN = /[\s（）()]/g;
const cleaned = new Map<string, string>();

/** Observations sorted into what the computation uses and what it sets aside, with reasons. */
export type PreparedSeries = {
  /** In scope, after the baseline year, not after `asOf`, one per year, ascending. */
  points: UsedObservation[];
  /** The in-scope observation of the baseline year, if any (a revised or missing baseline). */
  baselinePoint: UsedObservation | null;
  setAside: SetAsideObservation[];
  /** A scope adopted because the target states none and all observations share one. */
  adoptedScope: string | null;
  /** Any used observation was `submitted` but not yet approved. */
  unreviewed: boolean;
};

/**
 * Select the observations an assessment may use. Rules (docs/methodology.md §2):
 * returned and draft rows are left out; rows without a number are gaps; rows after `asOf` are not
 * yet known; a row in another scope is set aside and flagged, never mixed in; an unstated scope is
 * set aside when the target states one; per year a final figure beats an estimate and, among
 * equals, the later row (revisions are appended) wins.
 */
export function prepareSeries(
  observations: readonly Observation[],
  targetScope: string | null,
  aliases: Readonly<Record<string, string>> | undefined,
  baselineYear: number,
  asOf: number,
): PreparedSeries {
  const setAside: SetAsideObservation[] = [];
  let inScope: Observation[] = [];
  const statedOther: Observation[] = [];
  for (const o of observations) {
    let reason: SetAsideObservation['reason'] | null = null;
    if (o.status === 'returned' || o.status === 'draft') reason = o.status;
    else if (o.value === null || !Number.isFinite(o.value)) reason = 'no-value';
    else if (o.period > asOf) reason = 'after-as-of';
    else {
      const cs = canonicalScope(o.scope, aliases);
      if (cs === targetScope) inScope.push(o);
      else if (targetScope === null) statedOther.push(o);
      else reason = cs === null ? 'scope-unstated' : 'scope-mismatch';
    }
    if (reason !== null) setAside.push(asideRow(o, reason));
  }
  let adoptedScope: string | null = null;
  if (statedOther.length > 0) {
    const first = canonicalScope(statedOther[0]?.scope, aliases);
    const oneScope = statedOther.every((o) => canonicalScope(o.scope, aliases) === first);
    // Adopt a single stated scope only when nothing unstated competes with it; otherwise mixing
    // would be silent.
    if (inScope.length === 0 && oneScope) {
      adoptedScope = first;
      inScope = statedOther;
    } else {
      for (const o of statedOther) setAside.push(asideRow(o, 'scope-mismatch'));
    }
  }
  // Stable sort by year (input order kept within a year, so "later row" still means newer).
  const sorted = isSortedByPeriod(inScope)
    ? inScope
    : inScope
        .map((o, i) => ({ o, i }))
        .sort((a, b) => a.o.period - b.o.period || a.i - b.i)
        .map((x) => x.o);
  const points: UsedObservation[] = [];
  let baselinePoint: UsedObservation | null = null;
  let unreviewed = false;
  for (let i = 0; i < sorted.length; i++) {
    let win = sorted[i] as Observation;
    // Rows of the same year follow each other: pick the winner among them.
    while (i + 1 < sorted.length && (sorted[i + 1] as Observation).period === win.period) {
      const next = sorted[++i] as Observation;
      // A final figure beats an estimate; otherwise the later row is the newer revision.
      const replace = !(!win.estimated && next.estimated);
      setAside.push(asideRow(replace ? win : next, 'superseded'));
      if (replace) win = next;
    }
    if (win.period < baselineYear) {
      setAside.push(asideRow(win, 'before-baseline'));
      continue;
    }
    const used: UsedObservation = {
      period: win.period,
      value: win.value as number,
      scope: win.scope,
      estimated: win.estimated,
      source: win.source ?? null,
    };
    if (win.status === 'submitted') unreviewed = true;
    if (win.period === baselineYear) baselinePoint = used;
    else points.push(used);
  }
  return { points, baselinePoint, setAside, adoptedScope, unreviewed };
}

function asideRow(o: Observation, reason: SetAsideObservation['reason']): SetAsideObservation {
  return { period: o.period, value: o.value, scope: o.scope, estimated: o.estimated, reason };
}

function isSortedByPeriod(list: readonly Observation[]): boolean {
  for (let i = 1; i < list.length; i++)
    if ((list[i] as Observation).period < (list[i - 1] as Observation).period) return false;
  return true;
}

/** Years between the baseline and the latest point that have no point (gaps). */
export function gapYears(points: readonly UsedObservation[], baselineYear: number): number[] {
  const gaps: number[] = [];
  let next = baselineYear + 1;
  // Points are ascending and one per year, so a gap is any jump of more than one year.
  for (const p of points) {
    for (let y = next; y < p.period; y++) gaps.push(y);
    next = p.period + 1;
  }
  return gaps;
}
