import {
  type Db,
  type ProgressReportValues,
  progressReportRepository,
  progressReportByIdempotencyKey,
} from '@plantrack/db';
import type { CellError, Messages } from '../../errors.js';
import type { DepartmentOwed, OwedTaskRow } from './template-owed.js';
import {
  PROGRESS_LABELS,
  TASK_SHEET,
  type TaskColumnKey,
  parseProgress,
  taskColumnLetter,
} from './template-task.sheet.js';
import {
  type ElementWords,
  type OwedLookup,
  checkFilledRows,
  checkOwedCells,
  prepareRows,
} from './template-rows.shared.js';
import type { RowOutcome, UploadOptions } from './template-upload.shared.js';
import type { SheetRow } from './template.workbook.js';

/** A valid row of the task sheet, ready to save. */
export type CheckedTaskRow = { row: number; owed: OwedTaskRow; values: Required<ProgressReportValues> };

/** A task row's result in the upload response. */
export type TaskRowResult = RowOutcome & { taskId: string; period: string };

const TASK: ElementWords = { zh: '任务', en: 'task' };
const NARRATIVE_MAX = 20_000;
const COMMENT_MAX = 4000;

const cellError = (row: number, key: TaskColumnKey, messages: Messages): CellError => ({
  sheet: TASK_SHEET,
  row,
  column: taskColumnLetter(key),
  messages,
});

const text = (cell: string | number | boolean | null): string | null => (cell === null ? null : String(cell));

/** Checks the cells of one task row on their own and against what the department owes. */
function checkRow(
  r: SheetRow<TaskColumnKey>,
  owedTasks: OwedLookup<OwedTaskRow>,
  errors: CellError[],
): CheckedTaskRow | undefined {
  const before = errors.length;
  const err = (key: TaskColumnKey, messages: Messages): void => {
    errors.push(cellError(r.row, key, messages));
  };
  const owed = checkOwedCells(
    TASK,
    { id: text(r.cells.taskId) ?? '', period: text(r.cells.period) ?? '' },
    owedTasks,
    (cell, messages) => {
      err(cell === 'id' ? 'taskId' : cell, messages);
    },
  );
  const progress = parseProgress(r.cells.progress);
  const labels = Object.values(PROGRESS_LABELS).join('、');
  if (progress === null) {
    err('progress', {
      zh: `进展状态为空，请选择：${labels}。`,
      en: `The progress status is empty; pick one of ${labels}.`,
    });
  } else if (progress === undefined) {
    err('progress', {
      zh: `进展状态“${String(r.cells.progress)}”无效，应为：${labels}。`,
      en: `Invalid progress status "${String(r.cells.progress)}": use one of ${labels}.`,
    });
  }
  const narrative = text(r.cells.narrative);
  if (narrative === null) {
    err('narrative', { zh: '进展情况为空。', en: 'The progress narrative is empty.' });
  } else if (narrative.length > NARRATIVE_MAX) {
    err('narrative', {
      zh: `进展情况不能超过 ${NARRATIVE_MAX} 个字符。`,
      en: `The narrative may have at most ${NARRATIVE_MAX} characters.`,
    });
  }
  const comment = text(r.cells.comment);
  if (comment !== null && comment.length > COMMENT_MAX) {
    err('comment', {
      zh: `备注不能超过 ${COMMENT_MAX} 个字符。`,
      en: `The remarks may have at most ${COMMENT_MAX} characters.`,
    });
  }
  if (
    errors.length > before ||
    owed === undefined ||
    progress === null ||
    progress === undefined ||
    narrative === null
  )
    return undefined;
  return { row: r.row, owed, values: { progress, narrative, comment, evidence: [] } };
}

/**
 * Checks every filled row of the task sheet (errors appended to `errors`); rows the reporter left
 * empty (no status, narrative or remarks) are not uploaded.
 */
export function checkTaskRows(
  rows: readonly SheetRow<TaskColumnKey>[],
  owed: DepartmentOwed,
  errors: CellError[],
): CheckedTaskRow[] {
  const owedTasks: OwedLookup<OwedTaskRow> = {
    owedByKey: new Map(owed.tasks.map((o) => [`${o.taskId}|${o.period}`, o])),
    own: new Set(owed.tasks.map((o) => o.taskId)),
    known: owed.knownTasks,
  };
  return checkFilledRows({
    rows,
    words: TASK,
    isBlank: ({ cells }) => cells.progress === null && cells.narrative === null && cells.comment === null,
    check: (r) => checkRow(r, owedTasks, errors),
    keyOf: (c) => `${c.owed.taskId}|${c.owed.period}`,
    periodError: (row, messages) => cellError(row, 'period', messages),
    errors,
  });
}

const sameValues = (a: Required<ProgressReportValues>, b: Required<ProgressReportValues>): boolean =>
  a.progress === b.progress && a.narrative === b.narrative && (a.comment ?? null) === (b.comment ?? null);

/**
 * Inside the upload's transaction, the task sheet's counterpart of `prepareIndicatorRows`: rows
 * already written by this file are `replayed`, rows equal to the latest revision `unchanged`, a
 * row of a report under review or approved an error at its status cell; the rest become writes.
 */
export function prepareTaskRows(
  trx: Db,
  checked: readonly CheckedTaskRow[],
  options: UploadOptions,
  errors: CellError[],
): Promise<{ done: TaskRowResult[]; writes: (() => Promise<TaskRowResult>)[] }> {
  const refOf = (c: CheckedTaskRow) => ({ taskId: c.owed.taskId, period: c.owed.period });
  return prepareRows(
    checked,
    {
      // `task:` keeps the keys apart from the indicator sheet's, which number rows the same way.
      idempotencyKeyOf: (c) => `xlsx:${options.sha256}:${options.mode}:task:${c.row}`,
      byIdempotencyKey: (key) => progressReportByIdempotencyKey(trx, key),
      latest: (c) => progressReportRepository.latest(trx, refOf(c)),
      sameValues: (stored, c) => sameValues(stored, c.values),
      lockedError: (row, messages) => cellError(row, 'progress', messages),
      write: async (c, command) => {
        const full = { ...command, ref: refOf(c), actor: options.actor, values: c.values };
        return options.submit
          ? progressReportRepository.submit(trx, full)
          : progressReportRepository.saveDraft(trx, full);
      },
      result: (c, row) => ({ ...row, taskId: c.owed.taskId, period: c.owed.period }),
    },
    options,
    errors,
  );
}
