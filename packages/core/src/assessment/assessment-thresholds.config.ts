/**
 * Thresholds of the status scale. The planning office sets them (one set per plan or per
 * assessment round); a copy is stored with every assessment so that a status can be re-checked
 * later against the rules in force when it was made.
 */
export type AssessmentThresholds = {
  /** Name of this set, e.g. `plantrack-default-1` or `武进区2027年度监测`. */
  id: string;
  /** Who adopted it (`区发改局规划科`); null for the built-in defaults. */
  setBy: string | null;
  /**
   * Cut points on the progress ratio P (1 = exactly on the expected path):
   * P ≥ ahead → 快于预期, ≥ onTrack → 符合预期, ≥ broadly → 基本符合, ≥ lagging → 滞后, else 严重滞后.
   */
  progress: { ahead: number; onTrack: number; broadly: number; lagging: number };
  /**
   * Cut points on attainment (actual ÷ the value a higher level set) for external targets missed
   * in a year: ≥ broadly → 基本符合, ≥ lagging → 滞后, else 严重滞后.
   */
  attainment: { broadly: number; lagging: number };
  /** Default band for `左右` targets: the larger of `relative × |target|` and `absolute`. */
  approxTolerance: { relative: number; absolute: number | null };
  /**
   * Relative targets, in percentage points (or units for levels):
   * `syncPp` band for `同步`; `aheadPp` margin counted 快于预期; `lagPp` shortfall still 滞后 (beyond: 严重滞后).
   */
  relative: { syncPp: number; aheadPp: number; lagPp: number };
  /** Relative change treated as "stable" by the `稳中有升`-type rules (0.01 = 1%). */
  steadyTolerance: number;
  /** Latest data older than `asOf − maxDataLagYears` is flagged stale (still used). */
  maxDataLagYears: number;
};

/**
 * Built-in defaults. 0.95 follows the UN / Open SDG "on track" cut point; 0.5 the UN SDG Progress
 * Chart's "moderate" floor; 0.75 Uganda NDP III's "moderately achieved" floor. docs/methodology.md
 * explains each choice.
 */
export const DEFAULT_THRESHOLDS: AssessmentThresholds = Object.freeze({
  id: 'plantrack-default-1',
  setBy: null,
  progress: Object.freeze({ ahead: 1.1, onTrack: 0.95, broadly: 0.8, lagging: 0.5 }),
  attainment: Object.freeze({ broadly: 0.95, lagging: 0.75 }),
  approxTolerance: Object.freeze({ relative: 0.02, absolute: null }),
  relative: Object.freeze({ syncPp: 0.5, aheadPp: 1, lagPp: 1 }),
  steadyTolerance: 0.01,
  maxDataLagYears: 2,
});

/** Partial thresholds as an office would write them: only what differs from the defaults. */
export type ThresholdsPatch = {
  id: string;
  setBy?: string | null;
  progress?: Partial<AssessmentThresholds['progress']>;
  attainment?: Partial<AssessmentThresholds['attainment']>;
  approxTolerance?: Partial<AssessmentThresholds['approxTolerance']>;
  relative?: Partial<AssessmentThresholds['relative']>;
  steadyTolerance?: number;
  maxDataLagYears?: number;
};

/**
 * An office's changes over the defaults, not yet validated: for callers that report every
 * problem themselves ({@link validateThresholds}); others use {@link defineThresholds}.
 */
export function mergeThresholds(patch: ThresholdsPatch): AssessmentThresholds {
  const d = DEFAULT_THRESHOLDS;
  return {
    id: patch.id,
    setBy: patch.setBy ?? null,
    progress: { ...d.progress, ...patch.progress },
    attainment: { ...d.attainment, ...patch.attainment },
    approxTolerance: { ...d.approxTolerance, ...patch.approxTolerance },
    relative: { ...d.relative, ...patch.relative },
    steadyTolerance: patch.steadyTolerance ?? d.steadyTolerance,
    maxDataLagYears: patch.maxDataLagYears ?? d.maxDataLagYears,
  };
}

/**
 * Merge an office's changes over the defaults and validate the result. Validation happens here,
 * once, rather than on every assessment, so the engine stays fast and never throws on data.
 * Throws a `RangeError` (bilingual message) when the cut points are not in descending order.
 */
export function defineThresholds(patch: ThresholdsPatch): AssessmentThresholds {
  const merged = mergeThresholds(patch);
  const problems = validateThresholds(merged);
  if (problems.length > 0) {
    throw new RangeError(problems.map((p) => `${p.zh} / ${p.en}`).join('; '));
  }
  return merged;
}

/** List what is wrong with a threshold set (empty when valid). */
export function validateThresholds(t: AssessmentThresholds): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  const p = t.progress;
  const finite = [p.ahead, p.onTrack, p.broadly, p.lagging, t.attainment.broadly, t.attainment.lagging];
  if (!finite.every(Number.isFinite)) {
    out.push({ zh: '阈值必须是有限数', en: 'thresholds must be finite numbers' });
  }
  if (!(p.ahead >= p.onTrack && p.onTrack >= p.broadly && p.broadly >= p.lagging)) {
    out.push({
      zh: '进度比阈值须依次不增：快于预期 ≥ 符合预期 ≥ 基本符合 ≥ 滞后',
      en: 'progress cut points must not increase: ahead ≥ onTrack ≥ broadly ≥ lagging',
    });
  }
  if (!(t.attainment.broadly >= t.attainment.lagging)) {
    out.push({
      zh: '完成率阈值须 基本符合 ≥ 滞后',
      en: 'attainment cut points must satisfy broadly ≥ lagging',
    });
  }
  const nonNegative = [
    t.approxTolerance.relative,
    t.approxTolerance.absolute ?? 0,
    t.relative.syncPp,
    t.relative.aheadPp,
    t.relative.lagPp,
    t.steadyTolerance,
    t.maxDataLagYears,
  ];
  if (!nonNegative.every((x) => Number.isFinite(x) && x >= 0)) {
    out.push({ zh: '容差与年数不得为负', en: 'tolerances and year counts must not be negative' });
  }
  return out;
}
