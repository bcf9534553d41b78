import {
  type Db,
  type ProgressReportValues,
  type ReviewStatus,
  checkPeriod,
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
  type RowOutcome,
  type UploadOptions,
  lockedMessages,
  periodMessages,
  rowAction,
} from './template-upload.shared.js';
import type { SheetRow } from './template.workbook.js';

/** A valid row of the task sheet, ready to save. */
export type CheckedTaskRow = { row: number; owed: OwedTaskRow; values: Required<ProgressReportValues> };

/** A task row's result in the upload response. */
export type TaskRowResult = RowOutcome & { taskId: string; period: string };

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
  owedByKey: Map<string, OwedTaskRow>,
  ownTasks: Set<string>,
  knownTasks: Set<string>,
  errors: CellError[],
): CheckedTaskRow | undefined {
  const before = errors.length;
  const err = (key: TaskColumnKey, messages: Messages): void => {
    errors.push(cellError(r.row, key, messages));
  };
  const taskId = text(r.cells.taskId) ?? '';
  if (taskId === '') {
    err('taskId', { zh: '缺少任务ID。', en: 'The task id is missing.' });
  } else if (!knownTasks.has(taskId)) {
    err('taskId', { zh: `任务ID“${taskId}”不存在。`, en: `No task has the id "${taskId}".` });
  } else if (!ownTasks.has(taskId)) {
    err('taskId', {
      zh: '该任务不由本部门填报，不能上传。',
      en: 'This task is not reported by your department.',
    });
  }
  const period = text(r.cells.period) ?? '';
  let periodOk = false;
  try {
    checkPeriod(period);
    periodOk = true;
  } catch {
    err('period', periodMessages(period));
  }
  const owed = owedByKey.get(`${taskId}|${period}`);
  if (periodOk && ownTasks.has(taskId) && owed === undefined) {
    err('period', {
      zh: `该任务在期间“${period}”无需填报（不是应报期间）。`,
      en: `The task owes no report for the period "${period}".`,
    });
  }
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
  const owedByKey = new Map(owed.tasks.map((o) => [`${o.taskId}|${o.period}`, o]));
  const ownTasks = new Set(owed.tasks.map((o) => o.taskId));
  const checked: CheckedTaskRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const { progress, narrative, comment } = r.cells;
    if (progress === null && narrative === null && comment === null) continue;
    const c = checkRow(r, owedByKey, ownTasks, owed.knownTasks, errors);
    if (c === undefined) continue;
    const key = `${c.owed.taskId}|${c.owed.period}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push(
        cellError(r.row, 'period', {
          zh: `与第 ${first} 行重复（同一任务、同一期间）。`,
          en: `Duplicates row ${first} (same task and period).`,
        }),
      );
      continue;
    }
    firstRowOf.set(key, r.row);
    checked.push(c);
  }
  return checked;
}

const sameValues = (a: Required<ProgressReportValues>, b: Required<ProgressReportValues>): boolean =>
  a.progress === b.progress && a.narrative === b.narrative && (a.comment ?? null) === (b.comment ?? null);

function result(
  c: CheckedTaskRow,
  outcome: TaskRowResult['outcome'],
  r: { revisionNo: number; status: ReviewStatus },
): TaskRowResult {
  return {
    row: c.row,
    taskId: c.owed.taskId,
    period: c.owed.period,
    outcome,
    revisionNo: r.revisionNo,
    status: r.status,
  };
}

/**
 * Inside the upload's transaction, the task sheet's counterpart of `prepareIndicatorRows`: rows
 * already written by this file are `replayed`, rows equal to the latest revision `unchanged`, a
 * row of a report under review or approved an error at its status cell; the rest become writes.
 */
export async function prepareTaskRows(
  trx: Db,
  checked: readonly CheckedTaskRow[],
  options: UploadOptions,
  errors: CellError[],
): Promise<{ done: TaskRowResult[]; writes: (() => Promise<TaskRowResult>)[] }> {
  const done: TaskRowResult[] = [];
  const writes: (() => Promise<TaskRowResult>)[] = [];
  for (const c of checked) {
    const ref = { taskId: c.owed.taskId, period: c.owed.period };
    // `task:` keeps the keys apart from the indicator sheet's, which number rows the same way.
    const idempotencyKey = `xlsx:${options.sha256}:${options.mode}:task:${c.row}`;
    const earlier = await progressReportByIdempotencyKey(trx, idempotencyKey);
    if (earlier !== undefined) {
      done.push(result(c, 'replayed', earlier));
      continue;
    }
    const latest = await progressReportRepository.latest(trx, ref);
    const unchanged = latest !== undefined && sameValues(latest.values, c.values);
    const action = rowAction(latest, unchanged, options.submit);
    if (action === 'unchanged' && latest !== undefined) {
      done.push(result(c, 'unchanged', latest));
    } else if (action === 'locked') {
      errors.push(cellError(c.row, 'progress', lockedMessages(latest?.status)));
    } else {
      writes.push(async () => {
        const command = {
          ref,
          expectedRevision: latest?.revisionNo ?? 0,
          actor: options.actor,
          idempotencyKey,
          values: c.values,
        };
        const revision = options.submit
          ? await progressReportRepository.submit(trx, command)
          : await progressReportRepository.saveDraft(trx, command);
        return result(c, options.submit ? 'submitted' : 'saved', revision);
      });
    }
  }
  return { done, writes };
}
