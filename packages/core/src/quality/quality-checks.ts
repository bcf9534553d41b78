import { coreName, inferMeasure, isReductionRate } from '../assessment/direction.infer.js';
import { canonicalScope } from '../assessment/observation-series.js';
import { toHalfWidth } from '../text/width.js';
import { evidenceMissing, historyOutlier, powerOfTenSlip } from './quality-history.js';
import { previousPeriod } from './quality-period.js';
import type {
  PreviousValue,
  QualityCheckInput,
  QualityFlag,
  QualityIndicator,
  QualityThresholds,
} from './quality.types.js';

/**
 * Default thresholds. Chosen so that ordinary movement never raises a flag: GDP or revenue growing
 * 5–10 % a year, a share moving a few points, a count growing by a fifth along the plan's path.
 */
export const QUALITY_THRESHOLDS: Readonly<QualityThresholds> = {
  magnitudeFactor: 10,
  levelJumpRatio: 1.5,
  incrementJumpRatio: 3,
  jumpFloorShareOfTarget: 0.05,
  percentPointJump: 10,
  rateLimit: 100,
};

/** What kind of number the indicator reports, which decides the rules that apply. */
type Kind = 'rate' | 'share' | 'level';

/**
 * The data-quality flags of one submitted value (pure: no I/O). Checks: plausible range (a share
 * within 0–100 %, a growth rate within ±100 %, no negative level), magnitude against baseline and
 * target, a jump against the previous period's approved value in the same scope, and a unit or
 * scope (口径) different from the indicator's. No flag means nothing looked wrong, not that the
 * value was verified.
 */
export function checkObservationQuality(input: QualityCheckInput): QualityFlag[] {
  const t: QualityThresholds = { ...QUALITY_THRESHOLDS, ...input.thresholds };
  const { indicator, observation } = input;
  const flags: QualityFlag[] = [];
  const unitFlag = unitMismatch(indicator, observation.unit ?? null);
  if (unitFlag !== null) flags.push(unitFlag);
  const scopeFlag = scopeMismatch(indicator, observation.scope ?? null, input.scopeAliases);
  if (scopeFlag !== null) flags.push(scopeFlag);
  const evidenceFlag = evidenceMissing(input);
  if (evidenceFlag !== null) flags.push(evidenceFlag);
  const value = observation.value;
  // A value in another unit cannot be compared with the indicator's numbers.
  if (value === null || !Number.isFinite(value) || unitFlag !== null) return flags;
  const kind = kindOf(indicator);
  const rangeFlag = outOfRange(indicator, kind, value, t);
  if (rangeFlag !== null) flags.push(rangeFlag);
  if (kind !== 'rate' && rangeFlag === null) {
    const magnitudeFlag = magnitude(indicator, value, t);
    if (magnitudeFlag !== null) flags.push(magnitudeFlag);
  }
  const previous = previousInScope(input, observation.period);
  const jumpFlag = previous === null ? null : jump(indicator, kind, value, previous, t);
  if (jumpFlag !== null) flags.push(jumpFlag);
  // The history rules only speak where the classic rules found nothing, so no value is flagged twice.
  if (flags.some((f) => f.code === 'jump' || f.code === 'magnitude') || rangeFlag !== null) return flags;
  const slip = powerOfTenSlip(input, value, kind === 'rate' ? null : levelTarget(indicator));
  const outlier = slip === null ? historyOutlier(input, kind, value, t) : null;
  if (slip !== null) flags.push(slip);
  if (outlier !== null) flags.push(outlier);
  return flags;
}

function kindOf(indicator: QualityIndicator): Kind {
  const measure = inferMeasure({ name: indicator.name, unit: indicator.unit, target: fullTarget(indicator) });
  if (measure === 'annual-rate') return 'rate';
  return isPercent(indicator.unit) ? 'share' : 'level';
}

function outOfRange(indicator: QualityIndicator, kind: Kind, value: number, t: QualityThresholds) {
  const v = fmt(value);
  if (kind === 'share' && (value < 0 || value > 100)) {
    return flag(
      'share-out-of-range',
      value < 0 ? 'error' : 'warning',
      { value, min: 0, max: 100 },
      {
        zh: `比重类指标的数值 ${v}% 超出 0–100% 的范围。`,
        en: `The value ${v}% of a share is outside 0–100%.`,
      },
    );
  }
  if (kind === 'rate') {
    // A growth below −100 % or a reduction above 100 % would take the level below zero.
    const reduction = isReductionRate(indicator);
    const impossible = reduction ? value > 100 : value < -100;
    if (impossible || Math.abs(value) > t.rateLimit) {
      return flag(
        'rate-out-of-range',
        impossible ? 'error' : 'warning',
        { value, limit: t.rateLimit },
        {
          zh: `${reduction ? '降幅' : '增速'} ${v}% 超出 ±${fmt(t.rateLimit)}% 的合理范围${impossible ? '（不可能）' : ''}。`,
          en: `The ${reduction ? 'reduction' : 'growth'} rate ${v}% is outside ±${fmt(t.rateLimit)}%${impossible ? ' (impossible)' : ''}.`,
        },
      );
    }
    return null;
  }
  // Net figures (净增, 差额) may be negative; counts, amounts and levels may not.
  if (kind === 'level' && value < 0 && !/净|差额|差值|余额/.test(coreName(indicator.name))) {
    const unit = indicator.unit ?? '';
    return flag(
      'negative-value',
      'error',
      { value, unit },
      {
        zh: `数值 ${v}${unit} 为负数，该指标不可能为负。`,
        en: `The value ${v} ${unit} is negative; this indicator cannot be.`,
      },
    );
  }
  return null;
}

/** A level ≥10× away from both baseline and target is most often a unit slip (万元 for 亿元, 0.45 for 45 %). */
function magnitude(indicator: QualityIndicator, value: number, t: QualityThresholds): QualityFlag | null {
  if (value <= 0) return null;
  const baseline = indicator.baseline?.value ?? null;
  const target = levelTarget(indicator);
  const refs = [baseline, target].filter((r): r is number => r !== null && r > 0);
  if (refs.length === 0) return null;
  const above = refs.every((r) => value >= r * t.magnitudeFactor);
  // A yearly increment of a cumulative target may be a small part of it: only "too big" counts.
  const below = indicator.target?.kind !== 'cumulative' && refs.every((r) => value <= r / t.magnitudeFactor);
  if (!above && !below) return null;
  const f = fmt(t.magnitudeFactor);
  const zhRefs = [
    baseline === null ? null : `基期值 ${fmt(baseline)}`,
    target === null ? null : `目标值 ${fmt(target)}`,
  ].filter((s) => s !== null);
  const enRefs = [
    baseline === null ? null : `baseline ${fmt(baseline)}`,
    target === null ? null : `target ${fmt(target)}`,
  ].filter((s) => s !== null);
  return flag(
    'magnitude',
    'warning',
    { value, baseline, target, factor: t.magnitudeFactor },
    {
      zh: `数值 ${fmt(value)} 与${zhRefs.join('、')}相差 ${f} 倍以上，请核对单位（如万元/亿元、小数/百分数）。`,
      en: `The value ${fmt(value)} is ${f}× or more away from the ${enRefs.join(' and the ')}; check the unit.`,
    },
  );
}

/** The target as a level of the indicator's own unit, when it is one. */
function levelTarget(indicator: QualityIndicator): number | null {
  const target = indicator.target;
  if (target === null || target.value === null) return null;
  if (target.kind !== 'absolute' && target.kind !== 'range' && target.kind !== 'cumulative') return null;
  if (target.unit !== null && indicator.unit !== null && unitKey(target.unit) !== unitKey(indicator.unit)) {
    return null;
  }
  return target.valueMax ?? target.value;
}

function previousInScope(input: QualityCheckInput, period: string): PreviousValue | null {
  const wanted = previousPeriod(period);
  if (wanted === null) return null;
  const scope = canonicalScope(input.observation.scope, input.scopeAliases);
  const matches = input.previous.filter(
    (p) => p.period === wanted && p.value !== null && canonicalScope(p.scope, input.scopeAliases) === scope,
  );
  return matches.at(-1) ?? null;
}

function jump(
  indicator: QualityIndicator,
  kind: Kind,
  value: number,
  previous: PreviousValue,
  t: QualityThresholds,
): QualityFlag | null {
  const before = previous.value;
  if (before === null) return null;
  const better = directionWord(indicator, value - before);
  if (kind === 'rate' || kind === 'share') {
    const points = value - before;
    if (Math.abs(points) <= t.percentPointJump) return null;
    return flag(
      'jump',
      'warning',
      { value, previous: before, previousPeriod: previous.period, points },
      {
        zh: `较上期（${previous.period}年：${fmt(before)}%）变化 ${signed(points)} 个百分点，超过 ±${fmt(t.percentPointJump)} 个百分点的阈值${better.zh}。`,
        en: `Moved ${signed(points)} percentage points from the previous period (${previous.period}: ${fmt(before)}%), beyond ±${fmt(t.percentPointJump)} points${better.en}.`,
      },
    );
  }
  // Ratios mean nothing around zero or across a sign change; the range check covers those.
  if (before <= 0 || value < 0) return null;
  const increments = indicator.target?.kind === 'cumulative';
  const limit = increments ? t.incrementJumpRatio : t.levelJumpRatio;
  const ratio = value / before;
  if (ratio <= limit && ratio >= 1 / limit) return null;
  const target = levelTarget(indicator);
  if (target !== null && Math.abs(value - before) < Math.abs(target) * t.jumpFloorShareOfTarget) return null;
  const change = (ratio - 1) * 100;
  const up = `+${fmt((limit - 1) * 100)}%`;
  const down = `−${fmt((1 - 1 / limit) * 100)}%`;
  return flag(
    'jump',
    'warning',
    { value, previous: before, previousPeriod: previous.period, changePercent: change },
    {
      zh: `较上期（${previous.period}年：${fmt(before)}）变化 ${signed(change)}%，超过 ${up} / ${down} 的阈值${better.zh}。`,
      en: `Changed ${signed(change)}% from the previous period (${previous.period}: ${fmt(before)}), beyond ${up} / ${down}${better.en}.`,
    },
  );
}

function directionWord(indicator: QualityIndicator, delta: number): { zh: string; en: string } {
  if (indicator.direction !== 'higher' && indicator.direction !== 'lower') return { zh: '', en: '' };
  const improving = indicator.direction === 'higher' ? delta > 0 : delta < 0;
  return improving
    ? { zh: '（向好方向）', en: ' (for the better)' }
    : { zh: '（向差方向）', en: ' (for the worse)' };
}

function unitMismatch(indicator: QualityIndicator, unit: string | null): QualityFlag | null {
  if (unit === null || unitKey(unit) === '' || indicator.unit === null) return null;
  if (unitKey(unit) === unitKey(indicator.unit)) return null;
  return flag(
    'unit-mismatch',
    'warning',
    { unit, indicatorUnit: indicator.unit },
    {
      zh: `填报单位“${unit}”与指标单位“${indicator.unit}”不同，数值未作换算，也未参与其他检查。`,
      en: `The unit “${unit}” differs from the indicator's “${indicator.unit}”; the value was not converted or checked further.`,
    },
  );
}

function scopeMismatch(
  indicator: QualityIndicator,
  scope: string | null,
  aliases: Readonly<Record<string, string>> | undefined,
): QualityFlag | null {
  const stated = indicator.target?.scope ?? indicator.scope ?? null;
  const mine = canonicalScope(scope, aliases);
  const theirs = canonicalScope(stated, aliases);
  // An unstated scope on either side is the plan's default: nothing to compare.
  if (mine === null || theirs === null || mine === theirs) return null;
  return flag(
    'scope-mismatch',
    'warning',
    { scope, indicatorScope: stated },
    {
      zh: `填报口径“${scope ?? ''}”与指标口径“${stated ?? ''}”不同；评估时单列，不与目标比较。`,
      en: `The scope “${scope ?? ''}” differs from the indicator's “${stated ?? ''}”; it is kept apart and not compared with the target.`,
    },
  );
}

function flag(
  code: QualityFlag['code'],
  severity: QualityFlag['severity'],
  details: QualityFlag['details'],
  message: QualityFlag['message'],
): QualityFlag {
  return { code, severity, message, details };
}

/** Unit spelling for comparison: half-width, no spaces or brackets, lower case (`（%）` = `%`). */
function unitKey(unit: string): string {
  return toHalfWidth(unit)
    .replace(/[\s()（）]/g, '')
    .toLowerCase();
}

function isPercent(unit: string | null): boolean {
  return unit !== null && /%|％|百分点/.test(unit);
}

function fullTarget(indicator: QualityIndicator) {
  const t = indicator.target;
  return {
    text: '',
    kind: t?.kind ?? 'qualitative',
    op: null,
    value: t?.value ?? null,
    valueMax: t?.valueMax ?? null,
    unit: t?.unit ?? null,
    scope: t?.scope ?? null,
    estimated: false,
    year: null,
    change: null,
    reference: null,
    setBy: null,
    qualifier: null,
    parsed: t !== null,
  } as const;
}

/** Numbers as people write them: at most four decimals, no trailing zeros. */
function fmt(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

function signed(n: number): string {
  const s = fmt(Math.round(n * 100) / 100);
  return n > 0 ? `+${s}` : s;
}
