import type { BilingualMessage, Comparator } from '../model/plan-model.schema.js';
import { addFlag, type AssessmentContext } from './assessment-context.js';
import type { Direction, Forecast, PathModel, RangePosition, YearCheck } from './assessment.types.js';
import { fmt, opWords, requiredText } from './explanation.builder.js';
import { fitTrend } from './forecast.js';
import { compoundApplicable, expectedOnPath, holdDirection, requiredAnnual } from './level-path.js';
import {
  DIRECTION_UNKNOWN,
  comparatorSide,
  insufficient,
  noPeriodData,
  satisfies,
  type MethodOutcome,
} from './method-outcome.js';
import { gradeProgress, progressRule } from './status-scale.js';

/** A level target as the level method reads it: a value with its comparator, or a band. */
export type LevelSpec = {
  method: 'level-path' | 'level-change' | 'range-band';
  /** Target level (for a band: the written centre or lower bound; the band decides). */
  value: number;
  op: Comparator | null;
  /** `左右` tolerance band or a `4.5-5` range; null for floors, ceilings and plain values. */
  band: { lo: number; hi: number } | null;
  /** Sentences stating how the target level was obtained (change targets). */
  prefix: BilingualMessage[];
};

/** The formula of a level path, by model. */
export function pathFormula(model: PathModel): BilingualMessage {
  return model === 'compound'
    ? {
        zh: 'E(t) = B × (T ÷ B)^((t − t₀) ÷ (t_T − t₀))；P = (V − B) ÷ (E − B)',
        en: 'E(t) = B·(T/B)^((t − t0)/(tT − t0)); P = (V − B)/(E − B)',
      }
    : {
        zh: 'E(t) = B + (T − B) × (t − t₀) ÷ (t_T − t₀)；P = (V − B) ÷ (E − B)',
        en: 'E(t) = B + (T − B)·(t − t0)/(tT − t0); P = (V − B)/(E − B)',
      };
}

function position(v: number, band: { lo: number; hi: number }): RangePosition {
  return v < band.lo ? 'below' : v > band.hi ? 'above' : 'inside';
}

/**
 * Level targets (`218`, `4以上`, `26.5左右`, `≤2300`, a range on a level, and change targets once
 * converted to a level): the expected path from the baseline to the target, the progress ratio
 * against it, comparators honoured. A band counts as met inside it, or beyond it on the better
 * side (flagged as overshoot); without a direction, only inside counts.
 */
export function assessLevelPath(ctx: AssessmentContext, spec: LevelSpec): MethodOutcome {
  const { band, op, value: T } = spec;
  const opSide = comparatorSide(op);
  const side: Direction | null = band !== null ? ctx.dir : (opSide ?? ctx.dir);
  const formula = pathFormula(ctx.pathModel);
  if (band === null && side === null) return insufficient(spec.method, DIRECTION_UNKNOWN, formula);
  if (opSide !== null && ctx.dir !== null && opSide !== ctx.dir) {
    addFlag(ctx.flags, 'direction-conflict', {
      zh: `目标写法（${op}）与设定方向不一致，达标按目标写法判断`,
      en: `the target's comparator (${op}) contradicts the direction; the comparator decides whether it is met`,
    });
  }
  const meets = (v: number): boolean => {
    if (band === null) return satisfies(v, T, side as Direction, op);
    if (v >= band.lo && v <= band.hi) return true;
    return (side === 'higher' && v > band.hi) || (side === 'lower' && v < band.lo);
  };
  const targetWords =
    band === null
      ? { zh: `${opWords(op).zh}${fmt(T, 3)}`, en: `${opWords(op).en} ${fmt(T, 3)}` }
      : { zh: `${fmt(band.lo, 3)}～${fmt(band.hi, 3)}`, en: `${fmt(band.lo, 3)}–${fmt(band.hi, 3)}` };
  const steps: BilingualMessage[] = [...spec.prefix];
  const B = ctx.baseline?.value ?? null;
  const latest = ctx.points[ctx.points.length - 1];
  if (latest === undefined) {
    const out = insufficient(spec.method, noPeriodData(ctx), formula);
    if (B !== null && meets(B)) {
      addFlag(ctx.flags, 'met-at-baseline', {
        zh: '基期值已达到目标',
        en: 'the baseline already meets the target',
      });
    }
    out.targetValue = T;
    out.steps = [...steps, ...out.steps];
    return out;
  }
  const v = latest.value;
  const t = latest.period;
  const met = meets(v);
  const rangePosition = band !== null ? position(v, band) : null;
  if (band !== null && met && rangePosition !== 'inside') {
    addFlag(ctx.flags, 'overshoot', {
      zh: `最新值 ${fmt(v, 3)} 已越过目标区间（${targetWords.zh}），方向上更优，计为达到`,
      en: `the latest value ${fmt(v, 3)} is beyond the band (${targetWords.en}) on the better side and counts as met`,
    });
  }
  if (B === null) {
    if (!met)
      return {
        ...insufficient(
          spec.method,
          { zh: '缺少基期值，无法计算预期路径', en: 'no baseline, so no expected path' },
          formula,
        ),
        targetValue: T,
      };
    addFlag(ctx.flags, 'no-baseline', {
      zh: '缺少基期值，仅判断是否达到目标',
      en: 'no baseline: only whether the target is met is judged',
    });
    steps.push({
      zh: `${t}年 ${fmt(v, 3)}，已${targetWords.zh}。`,
      en: `${t}: ${fmt(v, 3)}, meeting "${targetWords.en}".`,
    });
    return outcome(spec, {
      status: '已实现',
      met,
      T,
      E: null,
      P: null,
      model: null,
      rangePosition,
      steps,
      formula,
      yearly: [],
      forecast: null,
      required: null,
    });
  }
  const metAtBaseline = meets(B);
  const pathTarget = band === null ? T : B < band.lo ? band.lo : B > band.hi ? band.hi : B;
  let model: PathModel = ctx.pathModel;
  if (model === 'compound' && !compoundApplicable(B, pathTarget)) {
    model = 'linear';
    addFlag(ctx.flags, 'compound-fallback-linear', {
      zh: '基期或目标值非正，复合路径无意义，改用线性路径',
      en: 'the baseline or target is not positive, so a compound path is meaningless; a linear path is used',
    });
  }
  const pathAt = (year: number): number => expectedOnPath(model, B, pathTarget, ctx.y0, ctx.yT, year);
  const ratioAt = (year: number, value: number): number | null => {
    const e = pathAt(year);
    return e === B ? null : (value - B) / (e - B);
  };
  // A target met at the baseline has no path to travel: the expectation is to hold the baseline
  // level, never to fall back towards the target (the path does not move against the direction).
  const held = (year: number): number => holdDirection(pathAt(year), B, side);
  const E = metAtBaseline ? held(t) : pathAt(t);
  const P = metAtBaseline ? null : ratioAt(t, v);
  const yearly: YearCheck[] = ctx.points.map((p) => {
    const r = metAtBaseline ? null : ratioAt(p.period, p.value);
    return {
      period: p.period,
      value: p.value,
      required: metAtBaseline ? held(p.period) : pathAt(p.period),
      ok: meets(p.value) || (r !== null && r >= ctx.th.progress.onTrack),
    };
  });
  const modelZh = model === 'compound' ? '复合增长' : '线性';
  if (metAtBaseline) {
    addFlag(ctx.flags, 'met-at-baseline', {
      zh: '基期值已达到目标',
      en: 'the baseline already meets the target',
    });
    steps.push({
      zh: `基期${ctx.y0}年 ${fmt(B, 3)} 已达到目标（${targetWords.zh}），此后保持即可；${t}年实际 ${fmt(v, 3)}。`,
      en: `The ${ctx.y0} baseline ${fmt(B, 3)} already meets the target (${targetWords.en}); it only has to hold. ${t}: actual ${fmt(v, 3)}.`,
    });
  } else
    steps.push({
      zh: `基期${ctx.y0}年 ${fmt(B, 3)}，目标${ctx.yT}年${targetWords.zh}；按${modelZh}路径，${t}年应达 ${fmt(E, 3)}，实际 ${fmt(v, 3)}。`,
      en: `Baseline ${ctx.y0}: ${fmt(B, 3)}; target ${ctx.yT}: ${targetWords.en}; on the ${model} path ${t} should be ${fmt(E, 3)}, actual ${fmt(v, 3)}.`,
    });
  let status: MethodOutcome['status'];
  if (met) {
    status = '已实现';
    steps.push({ zh: '最新值已达到目标。', en: 'The latest value meets the target.' });
  } else if (metAtBaseline) {
    status = '滞后';
    addFlag(ctx.flags, 'met-at-baseline-lost', {
      zh: '基期已达到目标，但最新值已不再达标',
      en: 'the baseline met the target but the latest value no longer does',
    });
  } else if (P === null) {
    status = '滞后';
  } else {
    status = gradeProgress(P, ctx.th);
    const rule = progressRule(ctx.th, P);
    steps.push({
      zh: `进度比 P = (${fmt(v, 3)} − ${fmt(B, 3)}) ÷ (${fmt(E, 3)} − ${fmt(B, 3)}) = ${fmt(P, 3)}；${rule.zh}。`,
      en: `Progress ratio P = (${fmt(v, 3)} − ${fmt(B, 3)})/(${fmt(E, 3)} − ${fmt(B, 3)}) = ${fmt(P, 3)}; ${rule.en}.`,
    });
    const crossed =
      band !== null &&
      side === null &&
      rangePosition !== 'inside' &&
      (B < band.lo ? v > band.hi : v < band.lo);
    if (crossed && (status === '快于预期' || status === '符合预期')) {
      status = '基本符合';
      addFlag(ctx.flags, 'overshoot', {
        zh: '最新值越过了整个目标区间，方向未定，记为基本符合',
        en: 'the latest value has crossed the whole band and no direction is set: broadly on track',
      });
    }
  }
  const forecast = forecastLevel(ctx, B, model, meets);
  const goal = band === null ? T : v < band.lo ? band.lo : v > band.hi ? band.hi : v;
  const k = ctx.yT - t;
  const reqModel: PathModel = model === 'compound' && compoundApplicable(v, goal) ? 'compound' : 'linear';
  const req = met ? null : requiredAnnual(reqModel, v, goal, k);
  const required = req === null ? null : requiredText(req.kind, req.value, ctx.ind.unit, k, t + 1);
  return outcome(spec, {
    status,
    met,
    T,
    E,
    P,
    model,
    rangePosition,
    steps,
    formula: pathFormula(model),
    yearly,
    forecast,
    required,
  });
}

function forecastLevel(
  ctx: AssessmentContext,
  B: number,
  model: PathModel,
  meets: (v: number) => boolean,
): Forecast | null {
  const pts = [{ t: ctx.y0, v: B }, ...ctx.points.map((p) => ({ t: p.period, v: p.value }))];
  const fit = fitTrend(pts, model);
  if (fit === null) return null;
  if (fit.fellBack) {
    addFlag(ctx.flags, 'compound-fallback-linear', {
      zh: '数据含零或负值，趋势改用线性拟合',
      en: 'the data include zero or negative values, so the trend is fitted linearly',
    });
  }
  const value = fit.trend.project(ctx.yT);
  return {
    year: ctx.yT,
    value,
    model: fit.trend.model,
    pointsUsed: fit.trend.pointsUsed,
    meetsTarget: meets(value),
  };
}

type Parts = {
  status: MethodOutcome['status'];
  met: boolean;
  T: number;
  E: number | null;
  P: number | null;
  model: PathModel | null;
  rangePosition: RangePosition | null;
  steps: BilingualMessage[];
  formula: BilingualMessage;
  yearly: YearCheck[];
  forecast: Forecast | null;
  required: MethodOutcome['required'];
};

function outcome(spec: LevelSpec, p: Parts): MethodOutcome {
  return {
    method: spec.method,
    status: p.status,
    met: p.met,
    targetValue: p.T,
    expected: p.E,
    progressRatio: p.P,
    pathModel: p.model,
    rangePosition: p.rangePosition,
    yearly: p.yearly,
    forecast: p.forecast,
    required: p.required,
    formula: p.formula,
    steps: p.steps,
    reference: null,
  };
}
