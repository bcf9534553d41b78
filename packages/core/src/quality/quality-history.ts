/**
 * Pre-submission checks against the indicator's own history and its target (docs/methodology.md
 * §14): a value far outside every earlier value of the same scope and frequency, a value off by a
 * power of ten from the last value or the target (a decimal point or 万/亿 slip), and missing
 * evidence where the office requires it. Pure.
 */
import { canonicalScope } from '../assessment/observation-series.js';
import type { PreviousValue, QualityCheckInput, QualityFlag, QualityThresholds } from './quality.types.js';

/**
 * Annual (`2026`), half-yearly (`2026H1`), quarterly (`2026Q1`) or monthly (`2026-03`): values are
 * compared within one shape.
 */
function shapeOf(period: string): string {
  if (/H[12]$/.test(period)) return 'half';
  if (/Q[1-4]$/.test(period)) return 'quarter';
  return /-\d{2}$/.test(period) ? 'month' : 'year';
}

/** Earlier values of the same scope and period shape, oldest first, the observed period excluded. */
export function historyInScope(input: QualityCheckInput): PreviousValue[] {
  const { observation } = input;
  const scope = canonicalScope(observation.scope, input.scopeAliases);
  const shape = shapeOf(observation.period);
  return input.previous
    .filter(
      (p) =>
        p.value !== null &&
        Number.isFinite(p.value) &&
        p.period !== observation.period &&
        p.period.localeCompare(observation.period) < 0 &&
        shapeOf(p.period) === shape &&
        canonicalScope(p.scope, input.scopeAliases) === scope,
    )
    .sort((a, b) => a.period.localeCompare(b.period));
}

function fmt(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

/**
 * A value outside the band of the indicator's own history (two or more earlier values): beyond
 * the highest or lowest by more than the jump threshold — percentage points for rates and shares
 * (a 58 % growth next to 6.1 % and 5.8 %), the level ratio for levels.
 */
export function historyOutlier(
  input: QualityCheckInput,
  kind: 'rate' | 'share' | 'level',
  value: number,
  t: QualityThresholds,
): QualityFlag | null {
  const history = historyInScope(input);
  if (history.length < 2) return null;
  const values = history.map((h) => h.value ?? 0);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const periods = history.map((h) => `${h.period}: ${fmt(h.value ?? 0)}`).join('，');
  const periodsEn = history.map((h) => `${h.period}: ${fmt(h.value ?? 0)}`).join(', ');
  if (kind === 'rate' || kind === 'share') {
    if (value <= max + t.percentPointJump && value >= min - t.percentPointJump) return null;
  } else {
    if (min <= 0) return null;
    if (value <= max * t.levelJumpRatio && value >= min / t.levelJumpRatio) return null;
  }
  const band = kind === 'level' ? `${fmt(min)}–${fmt(max)}` : `${fmt(min)}%–${fmt(max)}%`;
  return {
    code: 'history-outlier',
    severity: 'warning',
    details: { value, min, max, periods: history.length },
    message: {
      zh: `数值 ${fmt(value)} 远超出该指标以往数值的范围（${band}；${periods}），请核对。`,
      en: `The value ${fmt(value)} is far outside the indicator's own history (${band}; ${periodsEn}); please check.`,
    },
  };
}

/** How close a ratio must be to 10, 100, 1000 or 10000 (or their inverses) to read as a slip. */
const POWER_TOLERANCE = 0.12;

/** The power of ten a ratio is close to (±1…±4), or 0 when it is not close to one. */
function powerOfTen(ratio: number): number {
  if (!(ratio > 0)) return 0;
  const exponent = Math.log10(ratio);
  const k = Math.round(exponent);
  if (k === 0 || Math.abs(k) > 4) return 0;
  return Math.abs(ratio / 10 ** k - 1) <= POWER_TOLERANCE ? k : 0;
}

/**
 * A value about 10, 100, 1000 or 10000 times the last value or the target (or that fraction of
 * it): most often a misplaced decimal point or a unit slip (万元 for 亿元, 0.45 for 45 %).
 */
export function powerOfTenSlip(
  input: QualityCheckInput,
  value: number,
  target: number | null,
): QualityFlag | null {
  if (value <= 0) return null;
  const last = historyInScope(input).at(-1) ?? null;
  const refs: { what: 'last' | 'target'; ref: number; period: string | null }[] = [];
  if (last?.value !== null && last !== null && last.value > 0) {
    refs.push({ what: 'last', ref: last.value, period: last.period });
  }
  if (target !== null && target > 0) refs.push({ what: 'target', ref: target, period: null });
  for (const r of refs) {
    const k = powerOfTen(value / r.ref);
    if (k === 0) continue;
    const times = k > 0 ? `${fmt(10 ** k)} 倍` : `${fmt(10 ** -k)} 分之一`;
    const timesEn = k > 0 ? `${fmt(10 ** k)} times` : `1/${fmt(10 ** -k)} of`;
    const zhRef = r.what === 'last' ? `上次数值（${r.period ?? ''}：${fmt(r.ref)}）` : `目标值 ${fmt(r.ref)}`;
    const enRef =
      r.what === 'last' ? `the last value (${r.period ?? ''}: ${fmt(r.ref)})` : `the target ${fmt(r.ref)}`;
    return {
      code: 'power-of-ten',
      severity: 'warning',
      details: { value, reference: r.ref, against: r.what, power: k },
      message: {
        zh: `数值 ${fmt(value)} 约为${zhRef}的 ${times}，请核对小数点或单位（如万元/亿元、小数/百分数）。`,
        en: `The value ${fmt(value)} is about ${timesEn} ${enRef}; check the decimal point or the unit.`,
      },
    };
  }
  return null;
}

/** No evidence attached although the office requires evidence for this indicator's submissions. */
export function evidenceMissing(input: QualityCheckInput): QualityFlag | null {
  const e = input.evidence;
  if (e === undefined || !e.required || e.attached > 0) return null;
  return {
    code: 'evidence-missing',
    severity: 'warning',
    details: { attached: e.attached },
    message: {
      zh: '规划办要求随数值附上佐证材料（如统计公报、部门文件），本次未附。',
      en: 'The planning office requires evidence (e.g. a statistical bulletin or an official document) with each value; none is attached.',
    },
  };
}
