import type { BilingualMessage } from '../model/plan-model.schema.js';
import type { AssessmentThresholds } from './assessment-thresholds.config.js';
import type { AssessmentStatus, MethodId } from './assessment.types.js';

/** The status scale from best to worst, then 数据不足 (outside the order). */
export const STATUS_ORDER: readonly AssessmentStatus[] = [
  '已实现',
  '快于预期',
  '符合预期',
  '基本符合',
  '滞后',
  '严重滞后',
  '数据不足',
];

/** Bilingual labels of the statuses. */
export const STATUS_LABELS: Readonly<Record<AssessmentStatus, BilingualMessage>> = {
  已实现: { zh: '已实现', en: 'achieved' },
  快于预期: { zh: '快于预期', en: 'ahead of schedule' },
  符合预期: { zh: '符合预期', en: 'on track' },
  基本符合: { zh: '基本符合', en: 'broadly on track' },
  滞后: { zh: '滞后', en: 'behind schedule' },
  严重滞后: { zh: '严重滞后', en: 'seriously behind' },
  数据不足: { zh: '数据不足', en: 'insufficient data' },
};

/** Bilingual names of the methods, shown with each status. */
export const METHOD_NAMES: Readonly<Record<MethodId, BilingualMessage>> = {
  'level-path': { zh: '水平值对照预期路径', en: 'level against the expected path' },
  'level-change': { zh: '较基期变化对照预期路径', en: 'change from baseline against the expected path' },
  'range-band': { zh: '区间目标', en: 'range target' },
  'rate-cagr': { zh: '年均增速（复合）对照目标增速', en: 'compound average rate against the target rate' },
  'cumulative-sum': {
    zh: '累计值对照时序进度（时间过半、任务过半）',
    en: 'running sum against the pro-rata share',
  },
  'cumulative-change': { zh: '累计变化率对照时序进度', en: 'cumulative change against the pro-rata path' },
  'relative-reference': { zh: '对照参照值', en: 'against a reference series' },
  'external-set-value': { zh: '对照上级下达值', en: 'against the value set by a higher level' },
  'qualitative-rule': { zh: '定性目标规则', en: 'rule for a qualitative target' },
  'reviewer-judgement': { zh: '审核人判断', en: "reviewer's judgement" },
  none: { zh: '无', en: 'none' },
};

/**
 * Rank of a status: 0 is best. 数据不足 ranks after all others but is not "worse" than 严重滞后;
 * comparisons of progress should exclude it.
 */
export function statusRank(status: AssessmentStatus): number {
  return STATUS_ORDER.indexOf(status);
}

/** True for the three statuses practice counts as "on schedule" (已实现, 快于预期, 符合预期). */
export function isOnSchedule(status: AssessmentStatus): boolean {
  return status === '已实现' || status === '快于预期' || status === '符合预期';
}

/**
 * Grade a progress ratio with the office's cut points. Non-finite ratios grade as 严重滞后 only
 * when negative infinity; callers never pass NaN (they return 数据不足 before grading).
 */
export function gradeProgress(ratio: number, t: AssessmentThresholds): AssessmentStatus {
  const p = t.progress;
  if (ratio >= p.ahead) return '快于预期';
  if (ratio >= p.onTrack) return '符合预期';
  if (ratio >= p.broadly) return '基本符合';
  if (ratio >= p.lagging) return '滞后';
  return '严重滞后';
}

const ruleCache = new WeakMap<AssessmentThresholds, Map<AssessmentStatus, BilingualMessage>>();

/**
 * The grading sentence for a ratio: the band it fell in and the threshold set, e.g.
 * `0.8 ≤ P < 0.95，评为基本符合（阈值集“…”）`. Only the band that applied is named, which keeps
 * explanations short; the full scale is stored with every assessment. Built once per band.
 */
export function progressRule(t: AssessmentThresholds, ratio: number): BilingualMessage {
  const status = gradeProgress(ratio, t);
  let byStatus = ruleCache.get(t);
  if (byStatus === undefined) {
    byStatus = new Map();
    ruleCache.set(t, byStatus);
  }
  let rule = byStatus.get(status);
  if (rule === undefined) {
    rule = buildRule(t, status);
    byStatus.set(status, rule);
  }
  return rule;
}

function buildRule(t: AssessmentThresholds, status: AssessmentStatus): BilingualMessage {
  const p = t.progress;
  const band =
    status === '快于预期'
      ? `P ≥ ${p.ahead}`
      : status === '符合预期'
        ? `${p.onTrack} ≤ P < ${p.ahead}`
        : status === '基本符合'
          ? `${p.broadly} ≤ P < ${p.onTrack}`
          : status === '滞后'
            ? `${p.lagging} ≤ P < ${p.broadly}`
            : `P < ${p.lagging}`;
  const label = STATUS_LABELS[status];
  return {
    zh: `${band}，评为${label.zh}（阈值集“${t.id}”）`,
    en: `${band}: ${label.en} (threshold set "${t.id}")`,
  };
}
