import type { BilingualMessage, UserSheetField, UserSheetRow } from '@plantrack/core';
import { writeXlsxSheets } from '../projects/xlsx-sheet.writer.js';
import { type XlsxCell, readXlsx } from '../xlsx.reader.js';

/** The columns of a user sheet: the heading written in the template first, then what offices also write. */
const COLUMNS: Record<UserSheetField, readonly string[]> = {
  name: ['姓名', 'name', '用户名', '名称'],
  email: ['电子邮箱', 'e-mail', 'email', '邮箱', '电子邮件'],
  department: ['部门', 'department', '所属部门', '单位', '所属单位'],
  roles: ['角色', 'roles', 'role'],
};

const LABELS: Record<UserSheetField, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  department: { zh: '部门', en: 'Department' },
  roles: { zh: '角色', en: 'Roles' },
};

/** Headings written by {@link writeUserSheetTemplate}, in order. */
const TEMPLATE_HEADINGS = ['姓名', '电子邮箱', '部门', '角色'] as const;

const key = (v: XlsxCell | undefined): string =>
  v === null || v === undefined ? '' : String(v).replace(/\s+/gu, '').toLowerCase();
const text = (v: XlsxCell | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === '' ? null : t;
};

/** A user sheet as read: its rows, or why it cannot be read as one. */
export type UserSheetRead = { sheet: string; rows: UserSheetRow[]; problem: BilingualMessage | null };

/**
 * Reads a user sheet (.xlsx, the first sheet): finds the heading row among the first ten rows by
 * the columns 姓名, 电子邮箱, 部门, 角色 (or their English names, in any order), then every non-empty
 * row below it. The checks of the values are core's (`checkUserRows`). Bytes that are not a
 * readable workbook throw the `readXlsx` FormatError (bilingual, within its limits).
 */
export function readUserSheet(bytes: Uint8Array): UserSheetRead {
  const sheet = readXlsx(bytes, { sheets: [] }).sheetNames[0] ?? '';
  const rows = readXlsx(bytes, { sheets: [sheet] }).sheets[0]?.rows ?? [];
  for (const header of rows.slice(0, 10)) {
    const index = new Map<UserSheetField, number>();
    header.cells.forEach((cell, i) => {
      const k = key(cell);
      for (const field of Object.keys(COLUMNS) as UserSheetField[]) {
        if (!index.has(field) && COLUMNS[field].includes(k)) index.set(field, i);
      }
    });
    if (!index.has('name') || !index.has('email')) continue;
    const missing = (['department', 'roles'] as const).filter((f) => !index.has(f));
    if (missing.length > 0) {
      return {
        sheet,
        rows: [],
        problem: {
          zh: `工作表“${sheet}”缺少列：${missing.map((f) => LABELS[f].zh).join('、')}。请使用导入模板。`,
          en: `The sheet "${sheet}" lacks the column(s) ${missing.map((f) => LABELS[f].en).join(', ')}. Use the import template.`,
        },
      };
    }
    const cell = (cells: XlsxCell[], field: UserSheetField) => text(cells[index.get(field) ?? -1]);
    const body = rows
      .filter((r) => r.row > header.row)
      .map((r) => ({
        row: r.row,
        name: cell(r.cells, 'name'),
        email: cell(r.cells, 'email'),
        department: cell(r.cells, 'department'),
        roles: cell(r.cells, 'roles'),
      }))
      .filter((r) => r.name !== null || r.email !== null || r.department !== null || r.roles !== null);
    return { sheet, rows: body, problem: null };
  }
  return {
    sheet,
    rows: [],
    problem: {
      zh: `工作表“${sheet}”中找不到表头（姓名、电子邮箱、部门、角色）。请使用导入模板。`,
      en: `No heading row (姓名/Name, 电子邮箱/E-mail, 部门/Department, 角色/Roles) found in the sheet "${sheet}". Use the import template.`,
    },
  };
}

/**
 * The import template: the heading row and one example line the office overwrites, with a note
 * on how roles are written. Read back by {@link readUserSheet}.
 */
export function writeUserSheetTemplate(example: { department: string | null }): Uint8Array {
  return writeXlsxSheets([
    {
      name: '用户',
      headerRows: 1,
      widths: [14, 30, 24, 30],
      rows: [[...TEMPLATE_HEADINGS], ['张三', 'zhangsan@example.cn', example.department, '部门填报员']],
    },
    {
      name: '说明',
      headerRows: 1,
      widths: [90],
      rows: [
        ['填写说明 / How to fill in'],
        ['角色可写中文或英文，多个角色用“、”或“,”分隔：系统管理员、规划办、部门填报员、审核员、领导、公众'],
        [
          'Roles in Chinese or English, several separated by 、 or ,: administrator, planning_office, department_reporter, reviewer, leader, public',
        ],
        ['部门填报员必须填写部门（全称或别名）。示例行请改写或删除。'],
        [
          'A department reporter needs a department (full name or alias). Overwrite or delete the example line.',
        ],
      ],
    },
  ]);
}
