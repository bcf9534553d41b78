import type ExcelJS from 'exceljs';
import type { ProgressStatus } from '@plantrack/db';
import { normalizeText } from './template.cells.js';
import type { HelpRow } from './template.workbook.js';

/**
 * Sheet `任务进展` of the department's template: one row per task × owed period, the task's
 * progress status (a drop-down list), what was done, and remarks. Building and reading the cells
 * only; what a row means is decided by the template service.
 */
export const TASK_SHEET = '任务进展';

export const TASK_COLUMNS = [
  {
    header: '任务ID',
    key: 'taskId',
    width: 38,
    zh: '系统内任务编号，已锁定，请勿修改。',
    en: 'Task id in PlanTrack; locked, do not change.',
  },
  {
    header: '任务举措',
    key: 'measure',
    width: 48,
    zh: '规划纲要中的任务举措。',
    en: 'The task as the outline states it.',
  },
  {
    header: '期间',
    key: 'period',
    width: 10,
    zh: '报告期：2026（年）、2026Q1（季）、2026H1（半年）或 2026-03（月），须为本部门应报的期间。',
    en: 'Reporting period: 2026 (year), 2026Q1 (quarter), 2026H1 (half-year) or 2026-03 (month); must be one your department owes.',
  },
  {
    header: '进展状态',
    key: 'progress',
    width: 10,
    zh: '从下拉列表选择：未启动、推进中、已完成、滞后；留空的行不提交。',
    en: 'Pick from the list: 未启动 (not started), 推进中 (in progress), 已完成 (completed), 滞后 (delayed); rows left empty are not uploaded.',
  },
  {
    header: '进展情况',
    key: 'narrative',
    width: 60,
    zh: '本期工作进展（必填，最多 20000 字）。',
    en: 'What was done in the period (required, at most 20,000 characters).',
  },
  { header: '备注', key: 'comment', width: 30, zh: '补充说明（可选）。', en: 'Remarks (optional).' },
] as const;

export type TaskColumnKey = (typeof TASK_COLUMNS)[number]['key'];

/** The column letter of a task sheet field (`progress` → `D`). */
export function taskColumnLetter(key: TaskColumnKey): string {
  return String.fromCharCode(65 + TASK_COLUMNS.findIndex((c) => c.key === key));
}

/** The progress statuses as the sheet writes them, in the order of the drop-down list. */
export const PROGRESS_LABELS: Readonly<Record<ProgressStatus, string>> = {
  not_started: '未启动',
  in_progress: '推进中',
  completed: '已完成',
  delayed: '滞后',
};

const EDITABLE: readonly TaskColumnKey[] = ['progress', 'narrative', 'comment'];

/** One pre-filled row of the task sheet. */
export type TaskTemplateRow = {
  taskId: string;
  measure: string;
  period: string;
  progress: ProgressStatus | null;
  narrative: string | null;
  comment: string | null;
};

/** Adds the task sheet to a workbook being built, locked except for the cells a reporter fills. */
export async function addTaskSheet(wb: ExcelJS.Workbook, rows: readonly TaskTemplateRow[]): Promise<void> {
  const ws = wb.addWorksheet(TASK_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TASK_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const list = `"${Object.values(PROGRESS_LABELS).join(',')}"`;
  for (const r of rows) {
    const row = ws.addRow({
      taskId: r.taskId,
      measure: r.measure,
      period: r.period,
      progress: r.progress === null ? '' : PROGRESS_LABELS[r.progress],
      narrative: r.narrative ?? '',
      comment: r.comment ?? '',
    });
    for (const key of EDITABLE) row.getCell(key).protection = { locked: false };
    row.getCell('measure').alignment = { wrapText: true, vertical: 'top' };
    row.getCell('narrative').alignment = { wrapText: true, vertical: 'top' };
    row.getCell('progress').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorTitle: '进展状态',
      error: '请从列表选择：未启动、推进中、已完成、滞后。',
    };
  }
  ws.getColumn('taskId').font = { color: { argb: 'FF808080' } };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

/** The task sheet's lines on the help sheet. */
export const TASK_HELP: readonly HelpRow[] = [
  {
    column: TASK_SHEET,
    zh: '任务进展：每行一项任务的一个应报期间。',
    en: 'Task progress: one row per task and owed period.',
  },
  ...TASK_COLUMNS.map((c) => ({ column: `${taskColumnLetter(c.key)} ${c.header}`, zh: c.zh, en: c.en })),
];

const BY_TEXT = new Map<string, ProgressStatus>(
  Object.entries(PROGRESS_LABELS).flatMap(([status, label]) => [
    [label, status as ProgressStatus],
    [status.replace('_', ''), status as ProgressStatus],
  ]),
);

/**
 * A progress status cell: the list's Chinese word (also the API's English code); `null` when
 * empty; `undefined` when it is neither.
 */
export function parseProgress(cell: string | number | boolean | null): ProgressStatus | null | undefined {
  if (cell === null) return null;
  const text = normalizeText(String(cell)).toLowerCase().replace(/[_-]/gu, '');
  return BY_TEXT.get(text);
}
