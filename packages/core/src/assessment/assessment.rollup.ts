import type { BilingualMessage } from '../model/plan-model.schema.js';
import type { Assessment, AssessmentStatus } from './assessment.types.js';
import { STATUS_LABELS, STATUS_ORDER, isOnSchedule } from './status-scale.js';

/** The dimensions a roll-up can group by. */
export type RollupDimension = 'group' | 'chapter' | 'department' | 'phase' | 'plan';

/**
 * One assessment with the keys it rolls up under. `departments` may name several (lead and
 * co-lead); `phase` is the phase whose end year the assessment was made for (assess as of each
 * phase's end year to roll up by phase).
 */
export type RollupItem = {
  assessment: Assessment;
  plan: string;
  group: string | null;
  chapter: string | null;
  departments: readonly string[];
  phase: string | null;
};

/** Counts and summary of one key of one dimension. */
export type RollupGroup = {
  dimension: RollupDimension;
  key: string;
  total: number;
  counts: Record<AssessmentStatus, number>;
  /** (已实现 + 快于预期 + 符合预期) ÷ (total − 数据不足); null when nothing was assessable. */
  onScheduleShare: number | null;
  binding: { total: number; warnings: number; latestMet: number; latestNotMet: number };
  summary: BilingualMessage;
};

/** The rule every roll-up follows, shown with its results. */
export const ROLLUP_RULE: BilingualMessage = {
  zh: '汇总规则：每项指标按其评估状态计数一次（不加权）；分属多个部门的指标在每个部门各计一次；无键值的指标归入“未分类”；“按期”占比 =（已实现 + 快于预期 + 符合预期）÷（总数 − 数据不足），数据不足单列、不计入分母；约束性指标另计预警数与最新年度达标数。',
  en: 'Roll-up rule: each indicator counts once under its status (unweighted); an indicator with several departments counts once under each; items without a key go under "unassigned"; the on-schedule share = (achieved + ahead + on track) ÷ (total − insufficient data), with insufficient data shown apart and left out of the denominator; binding indicators also count warnings and latest-year met/not met.',
};

const UNASSIGNED = '未分类';

function keysOf(item: RollupItem, dim: RollupDimension): readonly string[] {
  switch (dim) {
    case 'plan':
      return [item.plan];
    case 'group':
      return [item.group ?? UNASSIGNED];
    case 'chapter':
      return [item.chapter ?? UNASSIGNED];
    case 'phase':
      return [item.phase ?? UNASSIGNED];
    case 'department':
      return item.departments.length > 0 ? [...new Set(item.departments)] : [UNASSIGNED];
  }
}

function emptyCounts(): Record<AssessmentStatus, number> {
  return { 已实现: 0, 快于预期: 0, 符合预期: 0, 基本符合: 0, 滞后: 0, 严重滞后: 0, 数据不足: 0 };
}

/**
 * Roll assessments up by one dimension: counts per status and a summary line per key, in the
 * order keys first appear. The rule is `ROLLUP_RULE`.
 */
export function rollUp(items: readonly RollupItem[], dimension: RollupDimension): RollupGroup[] {
  const groups = new Map<string, { items: Assessment[] }>();
  for (const item of items) {
    for (const key of keysOf(item, dimension)) {
      let g = groups.get(key);
      if (g === undefined) {
        g = { items: [] };
        groups.set(key, g);
      }
      g.items.push(item.assessment);
    }
  }
  const out: RollupGroup[] = [];
  for (const [key, g] of groups) out.push(summarise(dimension, key, g.items));
  return out;
}

function summarise(dimension: RollupDimension, key: string, list: readonly Assessment[]): RollupGroup {
  const counts = emptyCounts();
  let onSchedule = 0;
  const binding = { total: 0, warnings: 0, latestMet: 0, latestNotMet: 0 };
  for (const a of list) {
    counts[a.status]++;
    if (isOnSchedule(a.status)) onSchedule++;
    if (a.binding !== null) {
      binding.total++;
      if (a.warning) binding.warnings++;
      const last = a.binding[a.binding.length - 1];
      if (last?.verdict === '达标') binding.latestMet++;
      else if (last?.verdict === '未达标') binding.latestNotMet++;
    }
  }
  const assessable = list.length - counts['数据不足'];
  const share = assessable > 0 ? onSchedule / assessable : null;
  const parts = STATUS_ORDER.filter((s) => counts[s] > 0);
  const zhParts = parts.map((s) => `${STATUS_LABELS[s].zh}${counts[s]}项`).join('，');
  const enParts = parts.map((s) => `${counts[s]} ${STATUS_LABELS[s].en}`).join(', ');
  const shareZh = share === null ? '' : `；按期推进占可评估指标的${Math.round(share * 100)}%`;
  const shareEn = share === null ? '' : `; ${Math.round(share * 100)}% of assessable indicators on schedule`;
  const bindZh = binding.total > 0 ? `；约束性指标${binding.total}项，预警${binding.warnings}项` : '';
  const bindEn = binding.total > 0 ? `; ${binding.total} binding, ${binding.warnings} with a warning` : '';
  return {
    dimension,
    key,
    total: list.length,
    counts,
    onScheduleShare: share,
    binding,
    summary: {
      zh: `${key}：共${list.length}项指标，${zhParts}${shareZh}${bindZh}。`,
      en: `${key}: ${list.length} indicators — ${enParts}${shareEn}${bindEn}.`,
    },
  };
}
