import { describe, expect, it } from 'vitest';
import type { CellError, Messages } from '../../errors.js';
import { checkFilledRows, checkOwedCells } from './template-rows.shared.js';

const TASK = { zh: '任务', en: 'task' };
const owed = {
  owedByKey: new Map([['t1|2026', { id: 't1', period: '2026' }]]),
  own: new Set(['t1']),
  known: new Set(['t1', 't2']),
};

function cellErrors(id: string, period: string): [string, string][] {
  const found: [string, string][] = [];
  checkOwedCells(TASK, { id, period }, owed, (cell, m) => found.push([cell, m.zh]));
  return found;
}

describe('the element and period cells of an uploaded row', () => {
  it('names the owed row, or says in the sheet’s words why there is none', () => {
    expect(checkOwedCells(TASK, { id: 't1', period: '2026' }, owed, () => undefined)).toEqual({
      id: 't1',
      period: '2026',
    });
    expect(cellErrors('', '2026')).toEqual([['id', '缺少任务ID。']]);
    expect(cellErrors('t9', '2026')).toEqual([['id', '任务ID“t9”不存在。']]);
    expect(cellErrors('t2', '2026')).toEqual([['id', '该任务不由本部门填报，不能上传。']]);
    expect(cellErrors('t1', '2030')).toEqual([['period', '该任务在期间“2030”无需填报（不是应报期间）。']]);
    expect(cellErrors('t1', '2026Q5').map(([cell]) => cell)).toEqual(['period']);
  });

  it('skips blank rows and reports a second row of the same element and period at its period', () => {
    const errors: CellError[] = [];
    const rows = [
      { row: 2, key: 'a', blank: false },
      { row: 3, key: 'a', blank: true },
      { row: 4, key: 'b', blank: false },
      { row: 5, key: 'a', blank: false },
    ];
    const checked = checkFilledRows({
      rows,
      words: TASK,
      isBlank: (r) => r.blank,
      check: (r) => r,
      keyOf: (r) => r.key,
      periodError: (row, messages: Messages) => ({ sheet: 'S', row, column: 'C', messages }),
      errors,
    });
    expect(checked.map((r) => r.row)).toEqual([2, 4]);
    expect(errors).toEqual([
      {
        sheet: 'S',
        row: 5,
        column: 'C',
        messages: {
          zh: '与第 2 行重复（同一任务、同一期间）。',
          en: 'Duplicates row 2 (same task and period).',
        },
      },
    ]);
  });
});
