import type { BilingualMessage } from '../model/plan-model.schema.js';
import { addFlag, type AssessmentContext } from './assessment-context.js';
import type { Direction, YearCheck } from './assessment.types.js';
import { fmt, opWords, requiredText } from './explanation.builder.js';
import {
  DIRECTION_UNKNOWN,
  comparatorSide,
  insufficient,
  noPeriodData,
  type MethodOutcome,
} from './method-outcome.js';
import { gradeProgress, progressRule } from './status-scale.js';

/** Written rate (percent) → growth fraction: a 3 (%) reduction is growth −0.03. */
export function toGrowth(ratePct: number, reduction: boolean): number {
  return (reduction ? -ratePct : ratePct) / 100;
}

/** Growth fraction → written rate (percent). */
export function fromGrowth(g: number, reduction: boolean): number {
  return (reduction ? -g : g) * 100;
}

function flip(d: Direction): Direction {
  return d === 'higher' ? 'lower' : 'higher';
}

/** Yearly growth values and the compound index over the years observed. */
export type GrowthSeries = {
  years: { period: number; g: number }[];
  /** Product of (1 + g) over the covered years: the level relative to the baseline. */
  index: number;
  /** Number of years the index covers. */
  n: number;
  /** Compound average growth over those years. */
  c: number;
  /** Sentence with the computation. */
  step: BilingualMessage;
};

/**
 * Turn observations into growth: compounding yearly rates when the indicator reports rates
 * (never averaging them arithmetically, and never treating a rate as a level, which is where the
 * CAGR-of-the-value methods fail), or the CAGR between baseline and latest level otherwise.
 * Returns a reason instead when the data cannot give a growth rate (zero or negative levels,
 * a fall of 100% or more).
 */
export function growthSeries(ctx: AssessmentContext): GrowthSeries | BilingualMessage {
  const pts = ctx.points;
  const last = pts[pts.length - 1];
  if (last === undefined) return noPeriodData(ctx);
  if (ctx.measure === 'annual-rate') {
    let index = 1;
    const years: GrowthSeries['years'] = [];
    for (const p of pts) {
      const g = toGrowth(p.value, ctx.reduction);
      if (1 + g <= 0)
        return nonPositive(
          ctx,
          `${p.period}年的变化率 ${fmt(p.value)}% 不小于100%的降幅`,
          `the ${p.period} rate ${fmt(p.value)}% is a fall of 100% or more`,
        );
      index *= 1 + g;
      years.push({ period: p.period, g });
    }
    const n = years.length;
    const c = Math.pow(index, 1 / n) - 1;
    const list = years.map((y) => `${y.period}年 ${fmt(fromGrowth(y.g, ctx.reduction))}%`).join('、');
    const listEn = years.map((y) => `${y.period}: ${fmt(fromGrowth(y.g, ctx.reduction))}%`).join(', ');
    const word = ctx.reduction ? '降幅' : '增速';
    return {
      years,
      index,
      n,
      c,
      step: {
        zh: `各年${word}：${list}；${n}年复合年均${word} = ${fmt(fromGrowth(c, ctx.reduction))}%。`,
        en: `Yearly ${ctx.reduction ? 'reductions' : 'rates'}: ${listEn}; compound average over ${n} year(s) = ${fmt(fromGrowth(c, ctx.reduction))}%.`,
      },
    };
  }
  const B = ctx.baseline?.value ?? null;
  if (B === null) return { zh: '缺少基期值，无法计算年均增速', en: 'no baseline, so no average growth rate' };
  if (B <= 0 || last.value <= 0) {
    return nonPositive(
      ctx,
      '基期值或最新值非正，增速无意义',
      'the baseline or latest value is not positive, so a growth rate has no meaning',
    );
  }
  const years: GrowthSeries['years'] = [];
  let prev = { t: ctx.y0, v: B };
  for (const p of pts) {
    if (prev.v > 0 && p.value > 0)
      years.push({ period: p.period, g: Math.pow(p.value / prev.v, 1 / (p.period - prev.t)) - 1 });
    prev = { t: p.period, v: p.value };
  }
  const n = last.period - ctx.y0;
  const index = last.value / B;
  const c = Math.pow(index, 1 / n) - 1;
  return {
    years,
    index,
    n,
    c,
    step: {
      zh: `年均增速 c = (${fmt(last.value, 3)} ÷ ${fmt(B, 3)})^(1/${n}) − 1 = ${fmt(c * 100)}%。`,
      en: `Average growth c = (${fmt(last.value, 3)}/${fmt(B, 3)})^(1/${n}) − 1 = ${fmt(c * 100)}%.`,
    },
  };
}

function nonPositive(ctx: AssessmentContext, zh: string, en: string): BilingualMessage {
  addFlag(ctx.flags, 'non-positive-values', { zh, en });
  return { zh: `${zh}。`, en: `${en}.` };
}

/** Formula of the rate method, by measure. */
export function rateFormula(ctx: AssessmentContext): BilingualMessage {
  return ctx.measure === 'annual-rate'
    ? {
        zh: 'c = (∏(1 + rᵢ))^(1/n) − 1；P = c ÷ r*；已实现：∏(1 + rᵢ) 达到 (1 + r*)^N',
        en: 'c = (∏(1 + r_i))^(1/n) − 1; P = c/r*; achieved when ∏(1 + r_i) reaches (1 + r*)^N',
      }
    : {
        zh: 'c = (V ÷ B)^(1/(t − t₀)) − 1；P = c ÷ r*；已实现：V ÷ B 达到 (1 + r*)^N',
        en: 'c = (V/B)^(1/(t − t0)) − 1; P = c/r*; achieved when V/B reaches (1 + r*)^N',
      };
}

/**
 * Rate targets (`年均增速12%`, `年均增长7%以上`): each year's rate and the compound average since
 * the baseline against the target rate r*. P = c ÷ r*. Achieved when the growth so far already
 * equals N years at r* (the period average then holds unless later years fall — flagged).
 */
export function assessRate(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  const formula = rateFormula(ctx);
  if (t.value === null)
    return insufficient('rate-cagr', { zh: '目标增速缺失', en: 'no target rate' }, formula);
  // `年均下降3%` on a growth measure is a −3% rate, and its comparator speaks of the fall.
  const decrease = t.change === 'decrease' && !ctx.reduction;
  const written = decrease ? -t.value : t.value;
  const opSide = comparatorSide(t.op);
  const sideW = opSide === null ? ctx.dir : decrease ? flip(opSide) : opSide;
  if (sideW === null) return insufficient('rate-cagr', DIRECTION_UNKNOWN, formula);
  const gs = growthSeries(ctx);
  if (!('index' in gs)) return insufficient('rate-cagr', gs, formula);
  const gT = toGrowth(written, ctx.reduction);
  const sideG = ctx.reduction ? flip(sideW) : sideW;
  const N = ctx.yT - ctx.y0;
  const IT = Math.pow(1 + gT, N);
  const lockable = (sideG === 'higher' && gT >= 0) || (sideG === 'lower' && gT <= 0);
  const better = (a: number, b: number): boolean => (sideG === 'higher' ? a >= b : a <= b);
  const latest = ctx.points[ctx.points.length - 1];
  const tYear = latest?.period ?? ctx.y0;
  const atEnd = tYear >= ctx.yT;
  const met = lockable ? better(gs.index, IT) : atEnd && better(gs.c, gT);
  const cW = fromGrowth(gs.c, ctx.reduction);
  const steps: BilingualMessage[] = [gs.step];
  steps.push({
    zh: `目标年均${opWords(t.op).zh}${fmt(written, 3)}%（${ctx.y0}—${ctx.yT}年，N = ${N}）。`,
    en: `Target: average ${opWords(t.op).en} ${fmt(written, 3)}% a year (${ctx.y0}–${ctx.yT}, N = ${N}).`,
  });
  let P: number | null = null;
  let status: MethodOutcome['status'];
  if (met) {
    status = '已实现';
    if (!atEnd) {
      addFlag(ctx.flags, 'locked-in', {
        zh: `累计变化已达到${N}年按目标增速应有的水平，此后不出现反向变化即可实现`,
        en: `the change so far already equals ${N} years at the target rate; it holds unless later years reverse it`,
      });
    }
  } else if (lockable && gT !== 0) {
    P = gs.c / gT;
    status = gradeProgress(P, ctx.th);
    const rule = progressRule(ctx.th, P);
    steps.push({
      zh: `进度比 P = ${fmt(cW)}% ÷ ${fmt(written, 3)}% = ${fmt(P, 3)}；${rule.zh}。`,
      en: `Progress ratio P = ${fmt(cW)}%/${fmt(written, 3)}% = ${fmt(P, 3)}; ${rule.en}.`,
    });
  } else {
    // A ceiling (`增长不超过3%`) or a zero target: inside is on track; outside by up to lagPp is behind.
    const gap = Math.abs(gs.c - gT) * 100;
    status = better(gs.c, gT) ? '符合预期' : gap <= ctx.th.relative.lagPp ? '滞后' : '严重滞后';
  }
  const yearly: YearCheck[] = gs.years.map((y) => ({
    period: y.period,
    value: fromGrowth(y.g, ctx.reduction),
    required: written,
    ok: better(y.g, gT),
  }));
  const k = ctx.yT - tYear;
  let required = null;
  if (!met && k > 0) {
    const r = Math.pow(IT / gs.index, 1 / k) - 1;
    required = requiredText('annual-rate', fromGrowth(r, ctx.reduction), '%', k, tYear + 1, ctx.reduction);
  }
  return {
    method: 'rate-cagr',
    status,
    met,
    targetValue: written,
    expected: written,
    progressRatio: P,
    pathModel: 'compound',
    rangePosition: null,
    yearly,
    forecast: {
      year: ctx.yT,
      value: cW,
      model: 'average-rate',
      pointsUsed: gs.n,
      meetsTarget: met || better(gs.c, gT),
    },
    required,
    formula,
    steps,
    reference: null,
  };
}
