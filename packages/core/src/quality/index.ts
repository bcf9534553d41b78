/**
 * Data-quality flags (数据质量提示) on submitted values: plausible range, magnitude, jumps, unit and
 * scope. Pure; the rules and thresholds are written down in docs/methodology.md §14.
 */
export { QUALITY_THRESHOLDS, checkObservationQuality } from './quality-checks.js';
export { previousPeriod } from './quality-period.js';
export type {
  PreviousValue,
  QualityCheckInput,
  QualityFlag,
  QualityFlagCode,
  QualityIndicator,
  QualityObservation,
  QualitySeverity,
  QualityThresholds,
} from './quality.types.js';
