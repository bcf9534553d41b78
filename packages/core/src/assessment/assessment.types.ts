import type {
  Baseline,
  BilingualMessage,
  Indicator,
  Target,
  TargetKind,
} from '../model/plan-model.schema.js';
import type { AssessmentThresholds } from './assessment-thresholds.config.js';

/**
 * The status scale of an assessment (评估结果). Chinese literals are the stored values, as the
 * plan model stores `预期性`/`约束性`; English labels live in `STATUS_LABELS`.
 */
export type AssessmentStatus =
  '已实现' | '快于预期' | '符合预期' | '基本符合' | '滞后' | '严重滞后' | '数据不足';

/** Yearly verdict for binding (约束性) indicators. */
export type BindingVerdict = '达标' | '未达标';

/** Which way is better for the measured value. */
export type Direction = 'higher' | 'lower';

/**
 * What one observation of the indicator measures: the level itself (亿元, %, 家) or that year's
 * percentage change (`GDP增长（%）` reports 7.3 for +7.3%; `单位GDP能耗降低（%）` reports 3.2 for a 3.2%
 * reduction). Growth-type indicators must be compounded, never treated as levels.
 */
export type MeasureBasis = 'level' | 'annual-rate';

/** Shape of the expected path from baseline to target. */
export type PathModel = 'linear' | 'compound';

/** Review status of an observation (监测值). Absent means "taken as approved" (e.g. published data). */
export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/** One observation of the indicator for one year in one scope (口径). Revisions are appended, never overwritten. */
export type Observation = {
  /** Year the value refers to. */
  period: number;
  /** Null when a row exists without a number (`*` not yet published, `—`). */
  value: number | null;
  /** Statistical scope as written (`不含常州经开区`); null when the source does not say. */
  scope: string | null;
  /** True for 预计数 / estimates (`∗`), false for final figures. */
  estimated: boolean;
  status?: ObservationStatus;
  /** Where the number comes from (publication or URL); carried into the inputs list. */
  source?: string;
};

/** A point of a reference series (参照值). */
export type ReferencePoint = { period: number; value: number; estimated?: boolean };

/**
 * A reference series: the city average growth for `高于全市平均`, the GDP growth for
 * `与经济增长同步`, or the yearly value a higher level sets for `完成市定目标`.
 */
export type ReferenceSeries = {
  name: string;
  points: ReferencePoint[];
  scope?: string | null;
  source?: string;
};

/** A reviewer's recorded judgement, used for qualitative targets and where numbers cannot decide. */
export type ReviewerJudgement = {
  status: Exclude<AssessmentStatus, '数据不足'>;
  reviewer: string;
  /** Year the judgement refers to. */
  period: number;
  note: string | null;
};

/** Baseline (基期值), the plan model's `Baseline` plus the scope it was published in. */
export type AssessmentBaseline = Baseline & { scope?: string | null };

/**
 * The part of an indicator the engine reads. An ingested `Indicator` fits as is; `direction` may be
 * left out (it is then inferred and the inference is shown), `scope` is the indicator's 口径 when the
 * target text does not state one (e.g. a plan-wide footnote "目标不含常州经开区").
 */
export type AssessedIndicator = {
  seq: string;
  name: string;
  unit: string | null;
  attribute: Indicator['attribute'];
  direction?: Direction | null;
  target: Target;
  baseline: AssessmentBaseline | null;
  scope?: string | null;
};

/** Per-indicator options the planning office may set. */
export type AssessmentOptions = {
  /** Override the default path model (by unit and kind). */
  pathModel?: PathModel;
  /** Override the inferred measure basis. */
  measure?: MeasureBasis;
  /** Tolerance band for `左右` targets; overrides the thresholds' default band. */
  tolerance?: { absolute?: number; relative?: number };
  /** Name of the reference series to use when it differs from `target.reference` / `target.setBy`. */
  referenceName?: string;
  /** Scope spellings that mean the same 口径, e.g. `{ 不含经开区: '不含常州经开区' }`. */
  scopeAliases?: Readonly<Record<string, string>>;
  /** Use a final baseline-year observation that differs from the recorded baseline (default true). */
  useRevisedBaseline?: boolean;
};

/** Everything one assessment needs. Pure data: the assessment year is passed in, never read from a clock. */
export type AssessmentInput = {
  indicator: AssessedIndicator;
  plan: { baselineYear: number; targetYear: number };
  observations: readonly Observation[];
  references?: readonly ReferenceSeries[];
  /** Assessment year: observations after it are ignored. */
  asOf: number;
  thresholds?: AssessmentThresholds;
  options?: AssessmentOptions;
  judgement?: ReviewerJudgement | null;
};

/** Identifier of the method that produced a status. */
export type MethodId =
  | 'level-path'
  | 'level-change'
  | 'range-band'
  | 'rate-cagr'
  | 'cumulative-sum'
  | 'cumulative-change'
  | 'relative-reference'
  | 'external-set-value'
  | 'qualitative-rule'
  | 'reviewer-judgement'
  | 'none';

/** Codes of the notes attached to an assessment; every one carries a bilingual message. */
export type FlagCode =
  | 'direction-inferred'
  | 'direction-unknown'
  | 'direction-conflict'
  | 'scope-mismatch'
  | 'scope-unstated'
  | 'scope-adopted'
  | 'estimated-data'
  | 'unreviewed-data'
  | 'gap'
  | 'single-point'
  | 'no-baseline'
  | 'baseline-from-observation'
  | 'baseline-revised'
  | 'baseline-estimated'
  | 'met-at-baseline'
  | 'met-at-baseline-lost'
  | 'non-positive-values'
  | 'compound-fallback-linear'
  | 'overshoot'
  | 'locked-in'
  | 'stale-data'
  | 'no-plan-period-data'
  | 'reference-missing'
  | 'reference-estimated'
  | 'judgement-used'
  | 'judgement-differs'
  | 'unparsed-target';

/** A note attached to an assessment (scope, estimate, gap, fallback …), with its bilingual text. */
export type AssessmentFlag = { code: FlagCode; message: BilingualMessage };

/** How the direction was settled; always shown with the status. */
export type DirectionResolution = {
  value: Direction | null;
  source: 'explicit' | 'inferred' | 'unknown';
  reason: BilingualMessage;
};

/** An observation that entered the computation. */
export type UsedObservation = {
  period: number;
  value: number;
  scope: string | null;
  estimated: boolean;
  source: string | null;
};

/** Why an observation was left out. */
export type SetAsideReason =
  | 'scope-mismatch'
  | 'scope-unstated'
  | 'superseded'
  | 'after-as-of'
  | 'before-baseline'
  | 'no-value'
  | 'draft'
  | 'returned';

/** An observation left out of the computation, with the reason (listed in the explanation). */
export type SetAsideObservation = {
  period: number;
  value: number | null;
  scope: string | null;
  estimated: boolean;
  reason: SetAsideReason;
};

/** The baseline the computation used, with its history. */
export type BaselineUsed = {
  year: number;
  value: number;
  estimated: boolean;
  scope: string | null;
  origin: 'recorded' | 'revised' | 'observation';
  /** The recorded baseline when a final figure replaced it. */
  recordedValue: number | null;
};

/** One year's check: the value against what that year required. */
export type YearCheck = {
  period: number;
  value: number;
  /** What the year required (expected value, pro-rata share, reference, set value); null if nothing. */
  required: number | null;
  ok: boolean;
};

/** Projection to the target year from the observed trend, and whether it meets the target. */
export type Forecast = {
  year: number;
  value: number;
  model: 'linear-trend' | 'log-linear-trend' | 'average-rate' | 'average-flow' | 'average-margin';
  pointsUsed: number;
  meetsTarget: boolean;
};

/** "还需年均增长 x%": what each remaining year must deliver to still meet the target. */
export type RequiredChange = {
  kind: 'annual-rate' | 'annual-amount';
  /** A rate as a percentage (5.2 = 5.2%) or an amount in `unit`. */
  value: number;
  unit: string | null;
  yearsLeft: number;
  text: BilingualMessage;
};

/** Range position of a value against a `4.5-5` band. */
export type RangePosition = 'inside' | 'below' | 'above';

/** The result of assessing one indicator as of one year. */
export type Assessment = {
  seq: string;
  name: string;
  kind: TargetKind;
  targetText: string;
  asOf: number;
  /** Year of the latest observation used; null when none. */
  dataYear: number | null;
  status: AssessmentStatus;
  /** True when the target counts as reached (always `已实现`). */
  met: boolean;
  method: MethodId;
  methodName: BilingualMessage;
  formula: BilingualMessage;
  direction: DirectionResolution;
  measure: MeasureBasis;
  pathModel: PathModel | null;
  pathModelSource: 'override' | 'default' | null;
  baseline: BaselineUsed | null;
  /** The target as a comparable number (a change target converted to a level), when there is one. */
  targetValue: number | null;
  latest: UsedObservation | null;
  /** Expected value at `dataYear` (path value, pro-rata share or target rate). */
  expected: number | null;
  progressRatio: number | null;
  rangePosition: RangePosition | null;
  yearly: YearCheck[];
  /** For 约束性 indicators: 达标/未达标 per observed year; null for 预期性. */
  binding: { period: number; verdict: BindingVerdict }[] | null;
  /** 预警: binding indicator whose projection misses the target. */
  warning: boolean;
  forecast: Forecast | null;
  required: RequiredChange | null;
  inputs: {
    observations: UsedObservation[];
    setAside: SetAsideObservation[];
    reference: { name: string; points: ReferencePoint[] } | null;
    judgement: ReviewerJudgement | null;
  };
  thresholds: AssessmentThresholds;
  flags: AssessmentFlag[];
  explanation: BilingualMessage;
};
