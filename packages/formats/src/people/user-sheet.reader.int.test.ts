import ExcelJS from 'exceljs';
import { checkUserRows } from '@plantrack/core';
import { describe, expect, it } from 'vitest';
import { readUserSheet, writeUserSheetTemplate } from './user-sheet.reader.js';

async function workbook(rows: (string | null)[][], sheet = 'Sheet1'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the user sheet', () => {
  it('reads the rows under a heading found below a title, columns in any order, English headings too', async () => {
    const bytes = await workbook([
      ['2026年度用户名单'],
      ['E-mail', 'Name', 'Roles', 'Department'],
      ['lina@example.cn', '李娜', '部门填报员、审核员', '区财政局'],
      [null, null, null, null],
      ['wang@example.cn', '王强', 'reviewer, leader', null],
    ]);
    const read = readUserSheet(bytes);
    expect(read.problem).toBeNull();
    expect(read.rows).toEqual([
      { row: 3, name: '李娜', email: 'lina@example.cn', department: '区财政局', roles: '部门填报员、审核员' },
      { row: 5, name: '王强', email: 'wang@example.cn', department: null, roles: 'reviewer, leader' },
    ]);
  });

  it('says which column is missing, and that there is no heading at all', async () => {
    const noRoles = readUserSheet(
      await workbook([
        ['姓名', '电子邮箱', '部门'],
        ['李娜', 'l@x.cn', '区财政局'],
      ]),
    );
    expect(noRoles.problem?.zh).toContain('缺少列：角色');
    expect(noRoles.problem?.en).toContain('Roles');
    const none = readUserSheet(
      await workbook([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    );
    expect(none.problem?.zh).toContain('找不到表头');
  });

  it('the template reads back (its example line) and checks clean against a known department', () => {
    const read = readUserSheet(writeUserSheetTemplate({ department: '区财政局' }));
    expect(read.rows).toEqual([
      { row: 2, name: '张三', email: 'zhangsan@example.cn', department: '区财政局', roles: '部门填报员' },
    ]);
    const checked = checkUserRows(read.rows, {
      departments: new Map([['区财政局', { id: 'd1', name: '区财政局' }]]),
      existingEmails: new Set(),
    });
    expect(checked.errors).toEqual([]);
    expect(checked.users[0]).toMatchObject({ roles: ['department_reporter'], departmentId: 'd1' });
  });

  it('reports every bad cell by row and column, in Chinese and English, and imports nothing', async () => {
    const read = readUserSheet(
      await workbook([
        ['姓名', '电子邮箱', '部门', '角色'],
        ['李娜', 'lina@example.cn', '区财政局', '部门填报员'],
        ['王强', 'not-an-email', '区财政局', '审核员'],
        ['赵敏', 'LINA@example.cn', '区不存在局', '审核员'],
        ['钱进', 'old@example.cn', null, '部门填报员'],
        ['孙丽', 'sun@example.cn', '区财政局', '局长'],
      ]),
    );
    const checked = checkUserRows(read.rows, {
      departments: new Map([['区财政局', { id: 'd1', name: '区财政局' }]]),
      existingEmails: new Set(['old@example.cn']),
    });
    expect(checked.users).toEqual([]);
    expect(checked.errors.map((e) => [e.row, e.field, e.message.zh])).toEqual([
      [3, 'email', '电子邮箱格式不正确：not-an-email'],
      [4, 'email', '电子邮箱与第2行重复：lina@example.cn'],
      [4, 'department', '未知部门：区不存在局'],
      [5, 'email', '电子邮箱已被现有用户使用：old@example.cn'],
      [5, 'department', '部门填报员必须填写所属部门。'],
      [6, 'roles', '无法识别的角色：局长'],
    ]);
    expect(checked.errors.every((e) => e.message.en.length > 0)).toBe(true);
  });
});
