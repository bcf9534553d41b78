import type { BilingualMessage, Target } from '../model/plan-model.schema.js';

/**
 * How serious a flag is: `error` — the value cannot be right (a share below 0 %, a negative
 * count); `warning` — the value is implausible and a reviewer should look before approving.
 */
export type QualitySeverity = 'warning' | 'error';

/** What a data-quality flag says (docs/methodology.md §14). */
export type QualityFlagCode =
  | 'share-out-of-range'
  | 'rate-out-of-range'
  | 'negative-value'
  | 'magnitude'
  | 'jump'
  | 'unit-mismatch'
  | 'scope-mismatch'
  | 'history-outlier'
  | 'power-of-ten'
  | 'evidence-missing';

/** One data-quality flag on a submitted value: code, severity, message with the numbers, the numbers. */
export type QualityFlag = {
  code: QualityFlagCode;
  severity: QualitySeverity;
  message: BilingualMessage;
  /** The numbers and texts the rule compared, so a reviewer can check it by hand. */
  details: Record<string, number | string | null>;
  /** The submitter saw this warning before submitting and confirmed the value (确认无误). */
  confirmed?: boolean;
};

/** The part of an indicator the checks read; an ingested indicator row fits. */
export type QualityIndicator = {
  name: string;
  unit: string | null;
  /** The indicator's 口径 when the target text states none. */
  scope?: string | null;
  target: Pick<Target, 'kind' | 'value' | 'valueMax' | 'unit' | 'scope'> | null;
  baseline?: { year: number | null; value: number | null } | null;
  /** Which way is better; only used to say whether a jump is for the better or the worse. */
  direction?: 'higher' | 'lower' | null;
};

/** The value being submitted. */
export type QualityObservation = {
  /** `2026`, `2026Q1` or `2026-03`. */
  period: string;
  value: number | null;
  unit?: string | null;
  /** Empty or null means the plan's default scope. */
  scope?: string | null;
};

/**
 * An approved value in force of another period (any scope; the rules pick the same scope). The
 * history rules read every earlier period given; the jump rule only the previous one.
 */
export type PreviousValue = { period: string; value: number | null; scope?: string | null };

/** Thresholds of the checks; the defaults are in `QUALITY_THRESHOLDS`. */
export type QualityThresholds = {
  /** A level this many times above or below every reference (baseline, target) is flagged. */
  magnitudeFactor: number;
  /** A level rising more than this ratio (or falling below its inverse) in one period is a jump. */
  levelJumpRatio: number;
  /** The same for yearly increments of a cumulative target, which swing more. */
  incrementJumpRatio: number;
  /** A jump smaller than this share of the target value is not flagged (small numbers). */
  jumpFloorShareOfTarget: number;
  /** A rate or share moving more than this many percentage points in one period is a jump. */
  percentPointJump: number;
  /** Growth rates beyond ± this are implausible. */
  rateLimit: number;
};

export type QualityCheckInput = {
  indicator: QualityIndicator;
  observation: QualityObservation;
  previous: readonly PreviousValue[];
  thresholds?: Partial<QualityThresholds>;
  /** Scope spellings that mean the same 口径, e.g. `{ 不含经开区: '不含常州经开区' }`. */
  scopeAliases?: Readonly<Record<string, string>>;
  /** Whether the office requires evidence with a value, and how many files are attached. */
  evidence?: { required: boolean; attached: number };
};
