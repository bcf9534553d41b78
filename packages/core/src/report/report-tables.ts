import { fmt } from '../assessment/explanation.builder.js';
import type { Assessment } from '../assessment/assessment.types.js';
import type { Indicator } from '../model/plan-model.schema.js';
import { currentObservation, tracedFor, type SourceRegister } from './report-sources.js';
import type {
  ReportCell,
  ReportColumn,
  ReportIndicatorData,
  ReportTable,
  ReportTaskInput,
  SourceEntry,
} from './report.types.js';

/** One assessed indicator with what the tables need beside the assessment. */
export type AssessedRow = { indicator: Indicator; assessment: Assessment; data: ReportIndicatorData | null };

const col = (title: string, width: number, align: ReportColumn['align'] = 'center'): ReportColumn => ({
  title,
  width,
  align,
});

/** `年均/累计` as the plan's table writes it, else from the target kind. */
function averageOrTotal(ind: Indicator): string {
  const written = ind.extra['年均/累计'];
  if (written !== undefined && written !== '') return written;
  if (ind.target.kind === 'rate') return '年均';
  if (ind.target.kind === 'cumulative') return '累计';
  return '—';
}

/** The 当年值 cell: the figure with its year when it is not the report year's. */
function currentCell(r: AssessedRow, year: number, reg: SourceRegister): ReportCell {
  const obs = currentObservation(r.assessment, r.data?.observations ?? []);
  const cell = reg.cell(r.indicator.seq, r.indicator.name, obs);
  if (obs !== null && obs.period !== year) return { ...cell, text: `${cell.text}（${obs.period}年）` };
  return cell;
}

/** The 基期值 cell: the baseline the assessment used, traced when it came from an observation. */
function baselineCell(r: AssessedRow, reg: SourceRegister): ReportCell {
  const b = r.assessment.baseline;
  if (b === null) return { text: '—' };
  const obs = tracedFor(r.data?.observations ?? [], b.year, b.value);
  if (obs !== null) return reg.cell(r.indicator.seq, r.indicator.name, obs);
  return { text: fmt(b.value, 3) + (b.estimated ? '（预计）' : ''), ref: 'S0' };
}

/**
 * 表1 主要指标完成情况: one row per indicator, in the plan's order, with the lead department.
 * Eleven columns: too wide for portrait, so it is laid out landscape.
 */
export function indicatorTable(
  rows: readonly AssessedRow[],
  years: { base: number; target: number; year: number },
  reg: SourceRegister,
): ReportTable {
  return {
    kind: 'table',
    id: 'table-1',
    caption: '表1 主要指标完成情况',
    landscape: true,
    columns: [
      col('序号', 5),
      col('类别', 9),
      col('指标', 20, 'left'),
      col('单位', 7),
      col('属性', 6),
      col(`基期值（${years.base}年）`, 8),
      col(`目标值（${years.target}年）`, 11),
      col(`当年值（${years.year}年）`, 9),
      col('年均/累计', 6),
      col('进度评价', 8),
      col('牵头单位', 13, 'left'),
    ],
    rows: rows.map((r) => [
      { text: r.indicator.seq },
      { text: r.indicator.group ?? '—' },
      { text: r.indicator.name },
      { text: r.indicator.unit ?? '—' },
      { text: r.indicator.attribute ?? '—' },
      baselineCell(r, reg),
      { text: r.indicator.target.text.replace(/\s+/g, ''), ref: 'S0' },
      currentCell(r, years.year, reg),
      { text: averageOrTotal(r.indicator) },
      { text: r.assessment.status },
      { text: r.data?.lead ?? '—' },
    ]),
    notes: ['注：进度评价按《规划实施监测评估方法》计算；数据来源见附件。'],
  };
}

/** 表2 约束性指标达标情况: the binding indicators, the year's verdict and any 预警. */
export function bindingTable(rows: readonly AssessedRow[], year: number, reg: SourceRegister): ReportTable {
  const binding = rows.filter((r) => r.indicator.attribute === '约束性');
  return {
    kind: 'table',
    id: 'table-2',
    caption: '表2 约束性指标达标情况',
    landscape: false,
    columns: [
      col('序号', 6),
      col('指标', 30, 'left'),
      col('单位', 12),
      col('目标值', 16),
      col('当年值', 14),
      col('达标情况', 11),
      col('预警', 8),
    ],
    rows: binding.map((r) => {
      const a = r.assessment;
      const verdict = a.binding?.find((b) => b.period === a.dataYear)?.verdict ?? '待评价';
      return [
        { text: r.indicator.seq },
        { text: r.indicator.name },
        { text: r.indicator.unit ?? '—' },
        { text: r.indicator.target.text.replace(/\s+/g, ''), ref: 'S0' },
        currentCell(r, year, reg),
        { text: verdict },
        { text: a.warning ? '是' : '否' },
      ];
    }),
    notes: [],
  };
}

/** 表4 重点任务分工落实: task, lead, co-leads, progress, status. */
export function taskTable(tasks: readonly ReportTaskInput[]): ReportTable {
  return {
    kind: 'table',
    id: 'table-4',
    caption: '表4 重点任务分工落实',
    landscape: false,
    columns: [
      col('序号', 6),
      col('任务', 30, 'left'),
      col('牵头', 15, 'left'),
      col('配合', 15, 'left'),
      col('进展', 24, 'left'),
      col('状态', 10),
    ],
    rows: tasks.map((t, i) => [
      { text: String(i + 1) },
      { text: t.title },
      { text: t.lead },
      { text: t.coLeads.length === 0 ? '—' : t.coLeads.join('、') },
      { text: t.progress },
      { text: t.status },
    ]),
    notes: [],
  };
}

/** The 数据来源 appendix: every figure the tables show, with revision, source, scope and approval. */
export function sourcesTable(entries: readonly SourceEntry[]): ReportTable {
  return {
    kind: 'table',
    id: 'table-sources',
    caption: '数据来源',
    landscape: false,
    columns: [
      col('编号', 7),
      col('指标', 22, 'left'),
      col('年份', 8),
      col('数值', 10),
      col('修订号', 13),
      col('来源', 18, 'left'),
      col('口径', 12, 'left'),
      col('审核', 10, 'left'),
    ],
    rows: entries.map((e) => [
      { text: e.id },
      { text: e.seq === '' ? e.indicator : `${e.seq}. ${e.indicator}` },
      { text: e.period === null ? '—' : String(e.period) },
      { text: e.correction === undefined ? e.value : `${e.value}（已更正）` },
      { text: e.revisionId },
      { text: e.source ?? '未注明' },
      { text: e.scope ?? '未注明' },
      { text: e.approval ?? '—' },
    ]),
    notes: entries.flatMap((e) => (e.correction === undefined ? [] : [`${e.id}：${e.correction}。`])),
  };
}
