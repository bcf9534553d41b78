import type { BilingualMessage, Comparator } from '../model/plan-model.schema.js';
import type { AssessmentContext } from './assessment-context.js';
import type {
  AssessmentStatus,
  Direction,
  Forecast,
  MethodId,
  PathModel,
  RangePosition,
  ReferencePoint,
  RequiredChange,
  YearCheck,
} from './assessment.types.js';

/** What one method returns to the engine; the engine adds the shared parts (binding, warning, text). */
export type MethodOutcome = {
  method: MethodId;
  status: AssessmentStatus;
  met: boolean;
  targetValue: number | null;
  expected: number | null;
  progressRatio: number | null;
  /** The path model actually used (after any fallback), or null when the method has no path. */
  pathModel: PathModel | null;
  rangePosition: RangePosition | null;
  yearly: YearCheck[];
  forecast: Forecast | null;
  required: RequiredChange | null;
  formula: BilingualMessage;
  /** The computation with its numbers, in order, one sentence each. */
  steps: BilingualMessage[];
  reference: { name: string; points: ReferencePoint[] } | null;
};

/** A 数据不足 outcome with the reason as its only step. */
export function insufficient(
  method: MethodId,
  reason: BilingualMessage,
  formula: BilingualMessage = { zh: '—', en: '—' },
): MethodOutcome {
  return {
    method,
    status: '数据不足',
    met: false,
    targetValue: null,
    expected: null,
    progressRatio: null,
    pathModel: null,
    rangePosition: null,
    yearly: [],
    forecast: null,
    required: null,
    formula,
    steps: [sentence(reason)],
    reference: null,
  };
}

/** A reason as a sentence: closing punctuation, capital first letter in English. */
function sentence(m: BilingualMessage): BilingualMessage {
  const zh = /[。！？]$/.test(m.zh) ? m.zh : `${m.zh}。`;
  const en0 = m.en.charAt(0).toUpperCase() + m.en.slice(1);
  const en = /[.!?]$/.test(en0) ? en0 : `${en0}.`;
  return { zh, en };
}

/** The reason used when no observation falls in the plan period. */
export function noPeriodData(ctx: AssessmentContext): BilingualMessage {
  return {
    zh: `无${ctx.y0}年之后、${ctx.asOf}年及以前且口径一致的监测值`,
    en: `no observation in scope after ${ctx.y0} and up to ${ctx.asOf}`,
  };
}

/** Reason for an unknown direction (the engine never guesses it). */
export const DIRECTION_UNKNOWN: BilingualMessage = {
  zh: '方向未明确（越高越好还是越低越好），无法判断进度',
  en: 'the direction (higher or lower is better) is not known, so progress cannot be judged',
};

/** Which side a comparator favours (`以上` → higher, `以下` → lower); null for `=`, `~` or none. */
export function comparatorSide(op: Comparator | null): Direction | null {
  if (op === '>=' || op === '>') return 'higher';
  if (op === '<=' || op === '<') return 'lower';
  return null;
}

/** True when `v` satisfies a floor or ceiling `t` on `side`, strict for `>`/`<`. */
export function satisfies(v: number, t: number, side: Direction, op: Comparator | null): boolean {
  if (side === 'higher') return op === '>' ? v > t : v >= t;
  return op === '<' ? v < t : v <= t;
}
