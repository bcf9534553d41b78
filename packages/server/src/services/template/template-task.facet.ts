import { progressReportRepository } from '@plantrack/db';
import type { TemplateSheet } from './template-sheet.js';
import { checkTaskRows, prepareTaskRows } from './template-task.rows.js';
import {
  TASK_COLUMNS,
  TASK_HELP,
  TASK_SHEET,
  type TaskTemplateRow,
  addTaskSheet,
} from './template-task.sheet.js';
import { readSheetRows } from './template.workbook.js';

/** The progress reports' sheet 任务进展: one row per owned task × owed period. */
export const taskTemplateSheet: TemplateSheet = {
  name: TASK_SHEET,
  resultKey: 'taskRows',
  help: TASK_HELP,
  write: async (ctx, wb, owed) => {
    const rows: TaskTemplateRow[] = [];
    for (const o of owed.tasks) {
      const latest = await progressReportRepository.latest(ctx.db, { taskId: o.taskId, period: o.period });
      rows.push({
        taskId: o.taskId,
        measure: o.measure,
        period: o.period,
        progress: latest?.values.progress ?? null,
        narrative: latest?.values.narrative ?? null,
        comment: latest?.values.comment ?? null,
      });
    }
    await addTaskSheet(wb, rows);
  },
  read: (workbook) => {
    const sheet = readSheetRows(workbook, TASK_SHEET, TASK_COLUMNS);
    return {
      present: sheet.present,
      errors: sheet.errors,
      check: (owed, errors) => {
        const checked = checkTaskRows(sheet.rows, owed, errors);
        return {
          count: checked.length,
          prepare: (trx, options, stateErrors) => prepareTaskRows(trx, checked, options, stateErrors),
        };
      },
    };
  },
};
