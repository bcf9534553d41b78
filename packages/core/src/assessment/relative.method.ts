import type { BilingualMessage, Comparator } from '../model/plan-model.schema.js';
import type { AssessmentContext } from './assessment-context.js';
import type { Direction, YearCheck } from './assessment.types.js';
import { fmt, requiredText } from './explanation.builder.js';
import { insufficient, noPeriodData, type MethodOutcome } from './method-outcome.js';
import { fromGrowth, toGrowth } from './rate.method.js';
import { findReference, referenceAt } from './reference-series.js';

const FORMULA: BilingualMessage = {
  zh: '逐年差距 mᵢ = Vᵢ − Rᵢ；增速类按复合年均比较：m = c(V) − c(R)，c = (∏(1 + rᵢ))^(1/n) − 1；水平类取最新年份差距',
  en: 'yearly margin m_i = V_i − R_i; rates compare compound averages m = c(V) − c(R), c = (∏(1 + r_i))^(1/n) − 1; levels use the latest margin',
};

/** The relation a relative target asks for, read from its comparator and the direction. */
type Relation = { kind: 'above' | 'not-below' | 'below' | 'not-above' | 'sync'; side: Direction | null };

function relationOf(op: Comparator | null, dir: Direction | null): Relation {
  if (op === '>') return { kind: 'above', side: 'higher' };
  if (op === '>=') return { kind: 'not-below', side: 'higher' };
  if (op === '<') return { kind: 'below', side: 'lower' };
  if (op === '<=') return { kind: 'not-above', side: 'lower' };
  if (op === '~') return { kind: 'sync', side: dir };
  return dir === 'lower' ? { kind: 'not-above', side: 'lower' } : { kind: 'not-below', side: 'higher' };
}

/**
 * Shortfall of a margin against the relation: ≤ 0 when it holds (strict relations need > 0).
 * `与…同步` allows the office's sync band; with a direction, only the worse side counts.
 */
function shortfall(m: number, r: Relation, sync: number): number {
  switch (r.kind) {
    case 'above':
    case 'not-below':
      return -m;
    case 'below':
    case 'not-above':
      return m;
    case 'sync':
      return r.side === 'higher' ? -sync - m : r.side === 'lower' ? m - sync : Math.abs(m) - sync;
  }
}

function holds(m: number, r: Relation, sync: number): boolean {
  const s = shortfall(m, r, sync);
  return r.kind === 'above' || r.kind === 'below' ? s < 0 : s <= 0;
}

const RELATION_WORDS: Readonly<Record<Relation['kind'], BilingualMessage>> = {
  above: { zh: '高于', en: 'above' },
  'not-below': { zh: '不低于', en: 'not below' },
  below: { zh: '低于', en: 'below' },
  'not-above': { zh: '不高于', en: 'not above' },
  sync: { zh: '同步于', en: 'in step with' },
};

/** Compound average of yearly rates in the written domain (%). */
function averageRate(values: readonly number[], reduction: boolean): number {
  let idx = 1;
  for (const v of values) idx *= 1 + toGrowth(v, reduction);
  return fromGrowth(Math.pow(Math.max(idx, 0), 1 / values.length) - 1, reduction);
}

/**
 * Relative targets (`高于全市平均`, `与经济增长同步`, `不低于全市下降目标`) against their reference
 * series, year by year and on average. On average and every year → 符合预期 (快于预期 with a margin
 * of at least `aheadPp`); on average but not every year → 基本符合; short on average by at most
 * `lagPp` → 滞后, more → 严重滞后. Achieved only when the whole period is covered.
 */
export function assessRelative(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  const ref = findReference(ctx, t.reference, false);
  if (ref === null)
    return insufficient('relative-reference', { zh: '缺少参照值序列', en: 'no reference series' }, FORMULA);
  const rel = relationOf(t.op, ctx.dir);
  const sync = ctx.th.relative.syncPp;
  const pairs: { period: number; v: number; r: number }[] = [];
  for (const p of ctx.points) {
    const r = referenceAt(ref.points, p.period);
    if (r !== null) pairs.push({ period: p.period, v: p.value, r });
  }
  const reference = { name: ref.name, points: ref.points };
  const last = pairs[pairs.length - 1];
  if (last === undefined) {
    const reason =
      ctx.points.length === 0
        ? noPeriodData(ctx)
        : {
            zh: `参照值“${ref.name}”与监测值没有共同年份`,
            en: `the reference "${ref.name}" shares no year with the observations`,
          };
    return { ...insufficient('relative-reference', reason, FORMULA), reference };
  }
  const rates = ctx.measure === 'annual-rate';
  const vAvg = rates
    ? averageRate(
        pairs.map((p) => p.v),
        ctx.reduction,
      )
    : last.v;
  const rAvg = rates
    ? averageRate(
        pairs.map((p) => p.r),
        ctx.reduction,
      )
    : last.r;
  const m = vAvg - rAvg;
  const yearly: YearCheck[] = pairs.map((p) => ({
    period: p.period,
    value: p.v,
    required: p.r,
    ok: holds(p.v - p.r, rel, sync),
  }));
  const allYears = yearly.every((y) => y.ok);
  const onAverage = holds(m, rel, sync);
  const atEnd = last.period >= ctx.yT;
  const met = atEnd && onAverage;
  const betterMargin = rel.side === 'lower' ? -m : m;
  let status: MethodOutcome['status'];
  if (met) status = '已实现';
  else if (onAverage && allYears)
    status = rel.side !== null && betterMargin >= ctx.th.relative.aheadPp ? '快于预期' : '符合预期';
  else if (onAverage) status = '基本符合';
  else status = shortfall(m, rel, sync) <= ctx.th.relative.lagPp ? '滞后' : '严重滞后';
  const w = RELATION_WORDS[rel.kind];
  const list = pairs.map((p) => `${p.period}年 ${fmt(p.v, 3)} 对 ${fmt(p.r, 3)}`).join('、');
  const listEn = pairs.map((p) => `${p.period}: ${fmt(p.v, 3)} vs ${fmt(p.r, 3)}`).join(', ');
  const avgWord = rates ? { zh: '复合年均', en: 'Compound average' } : { zh: '最新年份', en: 'Latest year' };
  const steps: BilingualMessage[] = [
    {
      zh: `逐年对照“${ref.name}”：${list}（${yearly.filter((y) => y.ok).length}/${pairs.length}年满足“${w.zh}”）。`,
      en: `Year by year against "${ref.name}": ${listEn} (${yearly.filter((y) => y.ok).length}/${pairs.length} years ${w.en}).`,
    },
    {
      zh: `${avgWord.zh}：本地 ${fmt(vAvg)}，参照 ${fmt(rAvg)}，差距 m = ${fmt(m)}${rel.kind === 'sync' ? `（同步容差 ±${sync}）` : ''}。`,
      en: `${avgWord.en}: local ${fmt(vAvg)}, reference ${fmt(rAvg)}, margin m = ${fmt(m)}${rel.kind === 'sync' ? ` (sync band ±${sync})` : ''}.`,
    },
  ];
  const k = ctx.yT - last.period;
  let required = null;
  if (rates && !onAverage && k > 0) {
    // Reference assumed to keep its average; the local average over the whole period must reach it.
    const need = rAvg + (rel.kind === 'sync' ? (rel.side === 'lower' ? sync : -sync) : 0);
    let idx = 1;
    for (const p of pairs) idx *= 1 + toGrowth(p.v, ctx.reduction);
    const total = Math.pow(1 + toGrowth(need, ctx.reduction), pairs.length + k);
    const r = Math.pow(total / idx, 1 / k) - 1;
    required = requiredText(
      'annual-rate',
      fromGrowth(r, ctx.reduction),
      '%',
      k,
      last.period + 1,
      ctx.reduction,
    );
  }
  return {
    method: 'relative-reference',
    status,
    met,
    targetValue: null,
    expected: rAvg,
    progressRatio: null,
    pathModel: null,
    rangePosition: null,
    yearly,
    forecast: {
      year: ctx.yT,
      value: m,
      model: 'average-margin',
      pointsUsed: pairs.length,
      meetsTarget: onAverage,
    },
    required,
    formula: FORMULA,
    steps,
    reference,
  };
}
