import type { BilingualMessage } from '../model/plan-model.schema.js';
import type { AssessmentContext } from './assessment-context.js';
import type { Direction, Forecast, YearCheck } from './assessment.types.js';
import { fmt, requiredText } from './explanation.builder.js';
import { fitTrend } from './forecast.js';
import {
  DIRECTION_UNKNOWN,
  comparatorSide,
  insufficient,
  noPeriodData,
  type MethodOutcome,
} from './method-outcome.js';
import { findReference, referenceAt } from './reference-series.js';

const FORMULA: BilingualMessage = {
  zh: '逐年对照上级下达值 Sₜ；未完成时完成率 A = V ÷ S（越低越好时 A = S ÷ V）',
  en: 'each year against the set value S_t; when missed, attainment A = V/S (S/V when lower is better)',
};

/**
 * External targets (`完成市定目标`): each year's value against the value the higher level set for
 * that year. Met this year → 符合预期; meets the target-year value already → 已实现; missed →
 * graded by attainment with the office's cut points (Uganda NDP III style, by default 95% / 75%).
 */
export function assessExternal(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  const side: Direction | null = comparatorSide(t.op) ?? ctx.dir;
  if (side === null) return insufficient('external-set-value', DIRECTION_UNKNOWN, FORMULA);
  const wanted = t.setBy === null ? null : `${t.setBy}定目标`;
  const ref = findReference(ctx, wanted, true);
  if (ref === null) {
    return insufficient(
      'external-set-value',
      {
        zh: `未录入${t.setBy ?? '上级'}下达的年度目标值`,
        en: `the yearly values set by ${t.setBy ?? 'the higher level'} are not recorded`,
      },
      FORMULA,
    );
  }
  const reference = { name: ref.name, points: ref.points };
  const ok = (v: number, s: number): boolean => (side === 'higher' ? v >= s : v <= s);
  const yearly: YearCheck[] = [];
  for (const p of ctx.points) {
    const s = referenceAt(ref.points, p.period);
    if (s !== null) yearly.push({ period: p.period, value: p.value, required: s, ok: ok(p.value, s) });
  }
  const last = yearly[yearly.length - 1];
  if (last === undefined || last.required === null) {
    const reason =
      ctx.points.length === 0
        ? noPeriodData(ctx)
        : { zh: '监测年份没有对应的下达值', en: 'no set value for the years observed' };
    return { ...insufficient('external-set-value', reason, FORMULA), reference };
  }
  const S = last.required;
  const finalSet = referenceAt(ref.points, ctx.yT);
  const met = finalSet !== null && ok(last.value, finalSet);
  const steps: BilingualMessage[] = [
    {
      zh: `逐年对照：${yearly.map((y) => `${y.period}年 ${fmt(y.value, 3)}（下达 ${fmt(y.required ?? Number.NaN, 3)}，${y.ok ? '完成' : '未完成'}）`).join('、')}。`,
      en: `By year: ${yearly.map((y) => `${y.period}: ${fmt(y.value, 3)} (set ${fmt(y.required ?? Number.NaN, 3)}, ${y.ok ? 'met' : 'missed'})`).join(', ')}.`,
    },
  ];
  let A: number | null = null;
  let status: MethodOutcome['status'];
  if (met) status = '已实现';
  else if (last.ok) status = '符合预期';
  else {
    // Attainment needs a positive set value (and, for lower-is-better, a positive actual, which
    // then exceeds S); a zero or negative actual against a positive floor is 0% or less.
    A = S > 0 ? (side === 'higher' ? last.value / S : S / last.value) : null;
    const a = ctx.th.attainment;
    status = A === null ? '滞后' : A >= a.broadly ? '基本符合' : A >= a.lagging ? '滞后' : '严重滞后';
    if (A !== null) {
      steps.push({
        zh: `完成率 A = ${fmt(A * 100)}%；A ≥ ${a.broadly * 100}% 基本符合，≥ ${a.lagging * 100}% 滞后，其余严重滞后。`,
        en: `Attainment A = ${fmt(A * 100)}%; ≥ ${a.broadly * 100}% broadly on track, ≥ ${a.lagging * 100}% behind, otherwise seriously behind.`,
      });
    }
  }
  const goal = finalSet ?? S;
  const fit = fitTrend(
    ctx.points.map((p) => ({ t: p.period, v: p.value })),
    'linear',
  );
  const forecast: Forecast | null =
    fit === null
      ? null
      : {
          year: ctx.yT,
          value: fit.trend.project(ctx.yT),
          model: fit.trend.model,
          pointsUsed: fit.trend.pointsUsed,
          meetsTarget: ok(fit.trend.project(ctx.yT), goal),
        };
  if (finalSet === null) {
    steps.push({
      zh: `目标年下达值尚未录入，预测对照最近下达值 ${fmt(S, 3)}。`,
      en: `The target-year value is not yet set; the forecast is compared with the latest set value ${fmt(S, 3)}.`,
    });
  }
  const k = ctx.yT - last.period;
  const required =
    !met && finalSet !== null && k > 0
      ? requiredText('annual-amount', (finalSet - last.value) / k, ctx.ind.unit, k, last.period + 1)
      : null;
  return {
    method: 'external-set-value',
    status,
    met,
    targetValue: finalSet,
    expected: S,
    progressRatio: A,
    pathModel: null,
    rangePosition: null,
    yearly,
    forecast,
    required,
    formula: FORMULA,
    steps,
    reference,
  };
}
