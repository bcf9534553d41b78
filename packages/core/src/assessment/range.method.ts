import type { BilingualMessage } from '../model/plan-model.schema.js';
import { addFlag, type AssessmentContext } from './assessment-context.js';
import type { RangePosition, YearCheck } from './assessment.types.js';
import { fmt, requiredText } from './explanation.builder.js';
import { assessLevelPath } from './level.method.js';
import { insufficient, type MethodOutcome } from './method-outcome.js';
import { fromGrowth, growthSeries, toGrowth } from './rate.method.js';
import { gradeProgress, progressRule } from './status-scale.js';

const RANGE_FORMULA: BilingualMessage = {
  zh: '位置：c < 下限 为偏低，c > 上限 为偏高，其余为区间内；偏离时 P = c ÷ 下限（偏低）或 上限 ÷ c（偏高）',
  en: 'position: below if c < min, above if c > max, else inside; when outside, P = c/min (below) or max/c (above)',
};

/**
 * Range targets (`4.5-5`): inside, below or above. A range on a level goes through the level
 * path (the nearer bound is the path's end); a range on a yearly rate compares the compound
 * average since the baseline, and each year's rate, with the band.
 */
export function assessRange(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  if (t.value === null || t.valueMax === null) {
    return insufficient('range-band', { zh: '区间上下限缺失', en: 'the range bounds are missing' });
  }
  const lo = Math.min(t.value, t.valueMax);
  const hi = Math.max(t.value, t.valueMax);
  if (ctx.measure === 'level') {
    return assessLevelPath(ctx, { method: 'range-band', value: lo, op: null, band: { lo, hi }, prefix: [] });
  }
  return assessRateRange(ctx, lo, hi);
}

function positionOf(v: number, lo: number, hi: number): RangePosition {
  return v < lo ? 'below' : v > hi ? 'above' : 'inside';
}

function assessRateRange(ctx: AssessmentContext, lo: number, hi: number): MethodOutcome {
  const gs = growthSeries(ctx);
  if (!('index' in gs)) return insufficient('range-band', gs, RANGE_FORMULA);
  const side = ctx.dir;
  const cW = fromGrowth(gs.c, ctx.reduction);
  const pos = positionOf(cW, lo, hi);
  const goodBeyond = (p: RangePosition): boolean =>
    (side === 'higher' && p === 'above') || (side === 'lower' && p === 'below');
  const latest = ctx.points[ctx.points.length - 1];
  const tYear = latest?.period ?? ctx.y0;
  const atEnd = tYear >= ctx.yT;
  const inOrBetter = pos === 'inside' || goodBeyond(pos);
  const met = atEnd && inOrBetter;
  const posZh = { inside: '区间内', below: '低于区间', above: '高于区间' }[pos];
  const steps: BilingualMessage[] = [
    gs.step,
    {
      zh: `目标区间 ${fmt(lo, 3)}%～${fmt(hi, 3)}%，复合年均 ${fmt(cW)}% 位于${posZh}。`,
      en: `Target band ${fmt(lo, 3)}–${fmt(hi, 3)}%; the compound average ${fmt(cW)}% is ${pos}.`,
    },
  ];
  let status: MethodOutcome['status'];
  let P: number | null = null;
  if (met) status = '已实现';
  else if (pos === 'inside') status = '符合预期';
  else if (goodBeyond(pos)) {
    status = '快于预期';
    addFlag(ctx.flags, 'overshoot', {
      zh: '复合年均值越过目标区间，方向上更优',
      en: 'the compound average is beyond the band on the better side',
    });
  } else {
    // A ratio of rates only reads as progress when both are positive; otherwise it is left out.
    P = pos === 'below' ? (lo > 0 ? cW / lo : null) : hi > 0 && cW > 0 ? hi / cW : null;
    status = P === null ? '滞后' : gradeProgress(P, ctx.th);
    if (side === null && (status === '快于预期' || status === '符合预期')) status = '基本符合';
    if (P !== null) {
      const rule = progressRule(ctx.th, P);
      steps.push({ zh: `偏离比 P = ${fmt(P, 3)}；${rule.zh}。`, en: `Ratio P = ${fmt(P, 3)}; ${rule.en}.` });
    }
  }
  const yearly: YearCheck[] = gs.years.map((y) => {
    const w = fromGrowth(y.g, ctx.reduction);
    const p = positionOf(w, lo, hi);
    return {
      period: y.period,
      value: w,
      required: p === 'above' ? hi : lo,
      ok: p === 'inside' || goodBeyond(p),
    };
  });
  const k = ctx.yT - tYear;
  let required = null;
  if (!inOrBetter && k > 0) {
    const bound = pos === 'below' ? lo : hi;
    const need = Math.pow(1 + toGrowth(bound, ctx.reduction), ctx.yT - ctx.y0);
    const r = Math.pow(need / gs.index, 1 / k) - 1;
    required = requiredText('annual-rate', fromGrowth(r, ctx.reduction), '%', k, tYear + 1, ctx.reduction);
  }
  return {
    method: 'range-band',
    status,
    met,
    targetValue: lo,
    expected: null,
    progressRatio: P,
    pathModel: 'compound',
    rangePosition: pos,
    yearly,
    forecast: { year: ctx.yT, value: cW, model: 'average-rate', pointsUsed: gs.n, meetsTarget: inOrBetter },
    required,
    formula: RANGE_FORMULA,
    steps,
    reference: null,
  };
}
