import type { BilingualMessage } from '../model/plan-model.schema.js';
import type { AssessmentContext } from './assessment-context.js';
import type { Direction, YearCheck } from './assessment.types.js';
import { fmt, requiredText } from './explanation.builder.js';
import {
  DIRECTION_UNKNOWN,
  comparatorSide,
  insufficient,
  noPeriodData,
  type MethodOutcome,
} from './method-outcome.js';
import { fromGrowth, growthSeries } from './rate.method.js';
import { gradeProgress, progressRule } from './status-scale.js';

const SUM_FORMULA: BilingualMessage = {
  zh: 'S = Σ 已报年份值；应完成 = T × 已报年数 ÷ N（时间过半、任务过半）；P = S ÷ 应完成',
  en: 'S = sum of the years reported; due = T × years reported / N (pro-rata share); P = S / due',
};

const CHANGE_FORMULA: BilingualMessage = {
  zh: '累计变化 C = |∏(1 + rᵢ) − 1|；应完成 E(n) = |(1 ± T)^(n/N) − 1|；P = C ÷ E(n)',
  en: 'cumulative change C = |∏(1 + r_i) − 1|; due E(n) = |(1 ± T)^(n/N) − 1|; P = C / E(n)',
};

/**
 * Cumulative totals (`11以上（累计）`): the running sum of the years reported against the pro-rata
 * share of the five-year total — the "时间过半、任务过半" test. Missing years are left out of both
 * the sum and the share (flagged). A ceiling total (`累计不超过`) is judged the other way round and
 * can only be declared met in the target year.
 */
export function assessCumulativeSum(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  if (t.value === null)
    return insufficient(
      'cumulative-sum',
      { zh: '累计目标值缺失', en: 'no cumulative target value' },
      SUM_FORMULA,
    );
  const side: Direction | null = comparatorSide(t.op) ?? ctx.dir;
  if (side === null) return insufficient('cumulative-sum', DIRECTION_UNKNOWN, SUM_FORMULA);
  const pts = ctx.points;
  const last = pts[pts.length - 1];
  if (last === undefined)
    return { ...insufficient('cumulative-sum', noPeriodData(ctx), SUM_FORMULA), targetValue: t.value };
  const T = t.value;
  const N = ctx.yT - ctx.y0;
  let S = 0;
  const yearly: YearCheck[] = [];
  let k = 0;
  for (const p of pts) {
    S += p.value;
    k++;
    const due = (T * k) / N;
    yearly.push({
      period: p.period,
      value: S,
      required: due,
      ok: side === 'higher' ? S >= due * ctx.th.progress.onTrack : S <= due,
    });
  }
  const due = (T * k) / N;
  const atEnd = last.period >= ctx.yT;
  const met = side === 'higher' ? (t.op === '>' ? S > T : S >= T) : atEnd && S <= T;
  let P: number | null = null;
  let status: MethodOutcome['status'];
  const steps: BilingualMessage[] = [
    {
      zh: `已报${k}年累计 S = ${fmt(S, 3)}；${N}年目标 ${fmt(T, 3)}，按已报年数应完成 ${fmt(T, 3)} × ${k} ÷ ${N} = ${fmt(due, 3)}。`,
      en: `Sum of ${k} reported year(s) S = ${fmt(S, 3)}; ${N}-year target ${fmt(T, 3)}, so ${fmt(T, 3)} × ${k}/${N} = ${fmt(due, 3)} is due.`,
    },
  ];
  if (met) {
    status = '已实现';
  } else if (due <= 0) {
    // A zero or negative allowance has no pro-rata ratio: within it is on track, beyond it behind.
    status = side === 'lower' && S <= due ? '符合预期' : '滞后';
  } else {
    // For a ceiling, using less of the allowance than due is better: invert the ratio.
    P = side === 'higher' ? S / due : S > 0 ? due / S : Number.POSITIVE_INFINITY;
    status = side === 'lower' && S > T ? '严重滞后' : gradeProgress(P, ctx.th);
    const rule = progressRule(ctx.th, P);
    steps.push({
      zh: `进度比 P = ${side === 'higher' ? `${fmt(S, 3)} ÷ ${fmt(due, 3)}` : `${fmt(due, 3)} ÷ ${fmt(S, 3)}`} = ${fmt(P, 3)}；${rule.zh}。`,
      en: `Progress ratio P = ${side === 'higher' ? `${fmt(S, 3)}/${fmt(due, 3)}` : `${fmt(due, 3)}/${fmt(S, 3)}`} = ${fmt(P, 3)}; ${rule.en}.`,
    });
  }
  const projected = (S / k) * N;
  const left = ctx.yT - last.period;
  const required =
    !met && left > 0 && side === 'higher'
      ? requiredText('annual-amount', (T - S) / left, ctx.ind.unit, left, last.period + 1)
      : null;
  return {
    method: 'cumulative-sum',
    status,
    met,
    targetValue: T,
    expected: due,
    progressRatio: P,
    pathModel: 'linear',
    rangePosition: null,
    yearly,
    forecast: {
      year: ctx.yT,
      value: projected,
      model: 'average-flow',
      pointsUsed: k,
      meetsTarget: side === 'higher' ? projected >= T : projected <= T,
    },
    required,
    formula: SUM_FORMULA,
    steps,
    reference: null,
  };
}

/**
 * Cumulative changes on yearly rates (`〔13.5〕` for 单位GDP能耗降低, `10（累计）` for a 下降 indicator
 * reported as yearly reductions): the rates are compounded, C = 1 − ∏(1 − rᵢ) for reductions or
 * ∏(1 + rᵢ) − 1 for increases, and compared with the share due on the compound path.
 */
export function assessCumulativeChange(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  if (t.value === null)
    return insufficient(
      'cumulative-change',
      { zh: '累计目标值缺失', en: 'no cumulative target value' },
      CHANGE_FORMULA,
    );
  const gs = growthSeries(ctx);
  if (!('index' in gs))
    return { ...insufficient('cumulative-change', gs, CHANGE_FORMULA), targetValue: t.value };
  // A reduction-rate indicator counts reductions; a `下降` change target on a growth indicator too.
  const down = ctx.reduction || t.change === 'decrease';
  const gT = down ? -Math.abs(t.value) / 100 : t.value / 100;
  const N = ctx.yT - ctx.y0;
  const IT = 1 + gT;
  if (IT <= 0)
    return insufficient(
      'cumulative-change',
      {
        zh: '累计降幅不小于100%，无法按复合路径计算',
        en: 'a cumulative fall of 100% or more has no compound path',
      },
      CHANGE_FORMULA,
    );
  const written = (I: number): number => (down ? 1 - I : I - 1) * 100;
  const C = written(gs.index);
  const TW = Math.abs(t.value);
  const dueIndex = Math.pow(IT, gs.n / N);
  const E = written(dueIndex);
  const met = C >= TW;
  let P: number | null = null;
  let status: MethodOutcome['status'];
  const word = down ? '降低' : '提高';
  const steps: BilingualMessage[] = [
    gs.step,
    {
      zh: `累计${word} C = ${fmt(C)}%；${N}年目标累计${word}${fmt(TW, 3)}%，按复合路径${gs.n}年应完成 ${fmt(E)}%。`,
      en: `Cumulative ${down ? 'reduction' : 'increase'} C = ${fmt(C)}%; the ${N}-year target is ${fmt(TW, 3)}%, so ${fmt(E)}% is due after ${gs.n} year(s) on the compound path.`,
    },
  ];
  if (met) {
    status = '已实现';
  } else if (E === 0) {
    status = '滞后';
  } else {
    P = C / E;
    status = gradeProgress(P, ctx.th);
    const rule = progressRule(ctx.th, P);
    steps.push({
      zh: `进度比 P = ${fmt(C)} ÷ ${fmt(E)} = ${fmt(P, 3)}；${rule.zh}。`,
      en: `Progress ratio P = ${fmt(C)}/${fmt(E)} = ${fmt(P, 3)}; ${rule.en}.`,
    });
  }
  const yearly: YearCheck[] = [];
  let idx = 1;
  gs.years.forEach((y, i) => {
    idx *= 1 + y.g;
    const due = written(Math.pow(IT, (i + 1) / N));
    const c = written(idx);
    yearly.push({
      period: y.period,
      value: c,
      required: due,
      ok: c >= TW || c >= due * ctx.th.progress.onTrack,
    });
  });
  const projected = written(Math.pow(gs.index, N / gs.n));
  const lastYear = ctx.points[ctx.points.length - 1]?.period ?? ctx.y0;
  const left = ctx.yT - lastYear;
  let required = null;
  if (!met && left > 0) {
    const r = Math.pow(IT / gs.index, 1 / left) - 1;
    required = requiredText('annual-rate', fromGrowth(r, down), '%', left, lastYear + 1, down);
  }
  return {
    method: 'cumulative-change',
    status,
    met,
    targetValue: TW,
    expected: E,
    progressRatio: P,
    pathModel: 'compound',
    rangePosition: null,
    yearly,
    forecast: {
      year: ctx.yT,
      value: fromGrowth(gs.c, down),
      model: 'average-rate',
      pointsUsed: gs.n,
      meetsTarget: projected >= TW,
    },
    required,
    formula: CHANGE_FORMULA,
    steps,
    reference: null,
  };
}
