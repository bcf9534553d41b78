import type { AssessmentStatus } from '../assessment/assessment.types.js';
import { STATUS_ORDER, isOnSchedule } from '../assessment/status-scale.js';
import { headingLabel } from './report-title.js';
import type {
  OfficeTextBlock,
  OfficeTextKey,
  ReportBlock,
  ReportInput,
  ReportSection,
  TaskStatus,
} from './report.types.js';

/** A section under construction: title and blocks; labels are numbered when the tree is done. */
export type Draft = { title: string; blocks: ReportBlock[]; sections?: Draft[] };

/** Number a draft tree with the GB/T 9704 heading levels (一、 / （一） / 1.). */
export function numberSections(drafts: readonly Draft[], level: 1 | 2 | 3 = 1): ReportSection[] {
  return drafts.map((d, i) => ({
    level,
    label: headingLabel(level, i + 1),
    title: d.title,
    blocks: d.blocks,
    sections: level < 3 && d.sections !== undefined ? numberSections(d.sections, (level + 1) as 2 | 3) : [],
  }));
}

/**
 * Numbers the tables 表1, 表2 … in the order they appear, so a report without a table (no major
 * projects: no 表3) has no gap before the later ones. Captions without a number are kept.
 */
export function numberTables(drafts: readonly Draft[]): Draft[] {
  let n = 0;
  const walk = (list: readonly Draft[]): Draft[] =>
    list.map((d) => ({
      ...d,
      blocks: d.blocks.map((b) => {
        if (b.kind !== 'table' || !/^表\d+ /.test(b.caption)) return b;
        n += 1;
        return { ...b, caption: b.caption.replace(/^表\d+/, `表${n}`) };
      }),
      ...(d.sections === undefined ? {} : { sections: walk(d.sections) }),
    }));
  return walk(drafts);
}

const OFFICE_HINTS: Readonly<Record<OfficeTextKey, { title: string; hint: string }>> = {
  overview: {
    title: '经济社会发展总体情况',
    hint: '（由规划办撰写：本年度经济社会发展和规划实施的总体情况。）',
  },
  problems: { title: '存在问题', hint: '（由规划办撰写：规划实施中存在的主要问题及原因分析。）' },
  measures: { title: '对策建议', hint: '（由规划办撰写：推动规划实施的对策建议。）' },
  adjustments: { title: '调整建议', hint: '（由规划办撰写：发展环境变化及需调整修订的目标和任务。）' },
  'next-year': { title: '下一年度实施重点', hint: '（由规划办撰写：下一年度规划实施的重点工作。）' },
};

/** The placeholder of an office-written section, filled when the office has a draft for it. */
export function officeText(input: ReportInput, key: OfficeTextKey): OfficeTextBlock {
  const h = OFFICE_HINTS[key];
  const text = input.officeTexts?.[key];
  return text === undefined || text.trim() === ''
    ? { kind: 'office-text', key, title: h.title, hint: h.hint }
    : { kind: 'office-text', key, title: h.title, hint: h.hint, text };
}

/** Counts of every status, in the order of the scale (zeros kept so tables line up year to year). */
export function countStatuses(
  statuses: readonly AssessmentStatus[],
): { status: AssessmentStatus; count: number }[] {
  return STATUS_ORDER.map((status) => ({ status, count: statuses.filter((s) => s === status).length }));
}

const TASK_STATUSES: readonly TaskStatus[] = ['已完成', '按计划推进', '滞后', '未启动'];

/** Counts of the key tasks by state. */
export function countTasks(statuses: readonly TaskStatus[]): { status: TaskStatus; count: number }[] {
  return TASK_STATUSES.map((status) => ({ status, count: statuses.filter((s) => s === status).length }));
}

/** "已实现3项、快于预期2项…" for the non-zero counts. */
export function countsSentence(counts: readonly { status: string; count: number }[]): string {
  const parts = counts.filter((c) => c.count > 0).map((c) => `${c.status}${c.count}项`);
  return parts.length === 0 ? '暂无' : parts.join('、');
}

/**
 * 时间过半、任务过半: the share of the plan period elapsed at the as-of date against the share of
 * assessable indicators on schedule (已实现, 快于预期, 符合预期). Only numbers computed here.
 */
export function halfwayParagraph(
  asOf: string,
  period: { start: number; end: number },
  statuses: readonly AssessmentStatus[],
): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(asOf);
  const years = period.end - period.start + 1;
  const elapsedYears =
    m === null ? 0 : Number(m[1]) - period.start + (Number(m[2]) - 1 + Number(m[3]) / 31) / 12;
  const elapsed = Math.min(100, Math.max(0, (elapsedYears / years) * 100));
  const assessable = statuses.filter((s) => s !== '数据不足');
  const onSchedule = assessable.filter((s) => isOnSchedule(s)).length;
  const share = assessable.length === 0 ? null : (onSchedule / assessable.length) * 100;
  if (share === null)
    return `截至评估时点，规划实施时间已过${Math.round(elapsed)}%；尚无可评价的指标数据，“任务过半”暂无法判断。`;
  const verdict = share >= 50 ? '总体实现了“时间过半、任务过半”' : '尚未实现“时间过半、任务过半”';
  return `截至评估时点，规划实施时间已过${Math.round(elapsed)}%；可评价的${assessable.length}项指标中，${onSchedule}项（${Math.round(share)}%）进度符合或快于预期，${verdict}。`;
}
