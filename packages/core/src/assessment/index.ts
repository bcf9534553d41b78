/**
 * Progress assessment (评估): a pure engine that grades an indicator's progress against its
 * target, for every target kind, with the full explanation. The method is written down in
 * docs/methodology.md.
 */
export type {
  AssessedIndicator,
  Assessment,
  AssessmentBaseline,
  AssessmentFlag,
  AssessmentInput,
  AssessmentOptions,
  AssessmentStatus,
  BaselineUsed,
  BindingVerdict,
  Direction,
  DirectionResolution,
  FlagCode,
  Forecast,
  MeasureBasis,
  MethodId,
  Observation,
  ObservationStatus,
  PathModel,
  RangePosition,
  ReferencePoint,
  ReferenceSeries,
  RequiredChange,
  ReviewerJudgement,
  SetAsideObservation,
  SetAsideReason,
  UsedObservation,
  YearCheck,
} from './assessment.types.js';
export {
  DEFAULT_THRESHOLDS,
  defineThresholds,
  mergeThresholds,
  validateThresholds,
  type AssessmentThresholds,
  type ThresholdsPatch,
} from './assessment-thresholds.config.js';
export { assessIndicator, assessIndicators } from './assessment.engine.js';
export {
  rollUp,
  ROLLUP_RULE,
  type RollupDimension,
  type RollupGroup,
  type RollupItem,
} from './assessment.rollup.js';
export { coreName, inferMeasure, isReductionRate, resolveDirection } from './direction.infer.js';
export {
  cagr,
  compoundApplicable,
  defaultPathModel,
  expectedOnPath,
  expectedPathOf,
  holdDirection,
  requiredAnnual,
} from './level-path.js';
export { fitTrend, type Trend, type TrendPoint } from './forecast.js';
export { canonicalScope } from './observation-series.js';
export { qualitativeRuleOf, type QualitativeRule } from './qualitative.method.js';
export {
  METHOD_NAMES,
  STATUS_LABELS,
  STATUS_ORDER,
  gradeProgress,
  isOnSchedule,
  statusRank,
} from './status-scale.js';
export {
  openSdgProgressValue,
  openSdgStatus,
  sdgTrendRatio,
  ugandaNdpRating,
  unProgressChartStatus,
  type PublishedCase,
  type PublishedStatus,
} from './published-methods.js';
export { plainSentence } from './plain-sentence.js';
