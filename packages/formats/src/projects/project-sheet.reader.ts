import { type BilingualMessage, checkProjectCode, parseMoneyWan, parseYearRange } from '@plantrack/core';
import { type XlsxCell, type XlsxRow, readXlsx } from '../xlsx.reader.js';
import { type ProjectField, fieldSpec } from './project-columns.js';
import { type HeaderColumn, type SheetHeader, findHeader } from './project-sheet.header.js';
import type { ProjectSheetRead, ProjectSheetRow } from './project-sheet.types.js';
import { columnLetter } from './xlsx-sheet.writer.js';

const TOTAL = /^(合计|总计|小计|总合计)/;
/** Group headings in the 序号 or name column: `一、产业项目`, `（二）基础设施`. */
const GROUP = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*(.+)$/;

const textOf = (v: XlsxCell | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === '' ? null : t;
};

type Cells = (field: ProjectField) => { value: XlsxCell; column: HeaderColumn } | null;

function cellsOf(row: XlsxRow, header: SheetHeader): Cells {
  return (field) => {
    const column = header.columns.find((c) => c.field === field);
    if (column === undefined) return null;
    return { value: row.cells[column.index] ?? null, column };
  };
}

/**
 * Reads an office's annual project sheet (the first sheet, or `sheet`): finds the header (one or
 * two rows, merged cells included), reads every project row, and reports every problem by sheet,
 * row and column. All-or-nothing: `importable` is empty unless there is no error at all. Bytes that
 * are not a readable workbook throw the `readXlsx` FormatError (bilingual, within its limits).
 */
export function readProjectSheet(bytes: Uint8Array, options: { sheet?: string } = {}): ProjectSheetRead {
  const names = readXlsx(bytes, { sheets: [] }).sheetNames;
  const sheet = options.sheet ?? names[0] ?? '';
  const rows = readXlsx(bytes, { sheets: [sheet] }).sheets[0]?.rows ?? [];
  const header = findHeader(rows);
  const result: ProjectSheetRead = {
    sheet,
    headerRows: header?.rows ?? [],
    mapping:
      header?.columns.map((c) => ({ column: columnLetter(c.index), field: c.field, header: c.text })) ?? [],
    ignoredColumns: header?.extra.map((e) => ({ column: columnLetter(e.index), header: e.text })) ?? [],
    skipped: [],
    parsed: [],
    errors: [],
    importable: [],
  };
  const fail = (row: number, column: HeaderColumn | null, message: BilingualMessage): void => {
    const at = column === null ? '' : `${columnLetter(column.index)}列（${fieldSpec(column.field).label}）`;
    const atEn =
      column === null ? '' : `, column ${columnLetter(column.index)} (${fieldSpec(column.field).en})`;
    result.errors.push({
      sheet,
      row,
      column: column === null ? null : columnLetter(column.index),
      field: column?.field ?? null,
      message: {
        zh: `工作表“${sheet}”第${row}行${at}：${message.zh}`,
        en: `Sheet "${sheet}", row ${row}${atEn}: ${message.en}`,
      },
    });
  };
  if (header === null) {
    fail(rows[0]?.row ?? 1, null, {
      zh: '找不到表头（需要包含“项目名称”列）',
      en: 'No header found (a 项目名称 / project name column is needed)',
    });
    return result;
  }
  const last = Math.max(...header.rows);
  let group: string | null = null;
  for (const row of rows) {
    if (row.row <= last || row.cells.every((c) => textOf(c) === null)) continue;
    const outcome = readRow(row, cellsOf(row, header), header.sheetUnit, group, fail);
    if (outcome.kind === 'skip') result.skipped.push({ row: row.row, reason: outcome.reason });
    if (outcome.kind === 'group') {
      group = outcome.name;
      result.skipped.push({ row: row.row, reason: 'group' });
    }
    if (outcome.kind === 'row') result.parsed.push(outcome.row);
  }
  flagDuplicates(result, header, fail);
  result.errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  if (result.parsed.length === 0 && result.errors.length === 0) {
    fail(last, null, { zh: '表头下没有项目行', en: 'No project rows under the header' });
  }
  if (result.errors.length === 0) result.importable = result.parsed;
  return result;
}

/** A, B, …, Z, AA, …: errors are listed row by row, left to right (row-wide ones first). */
function columnOrder(column: string | null): number {
  if (column === null) return -1;
  return [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

type RowOutcome =
  | { kind: 'row'; row: ProjectSheetRow }
  | { kind: 'skip'; reason: 'total' }
  | { kind: 'group'; name: string }
  | { kind: 'none' };

function readRow(
  row: XlsxRow,
  cell: Cells,
  sheetUnit: SheetHeader['sheetUnit'],
  group: string | null,
  fail: (row: number, column: HeaderColumn | null, message: BilingualMessage) => void,
): RowOutcome {
  const str = (field: ProjectField): string | null => textOf(cell(field)?.value);
  const seq = str('seq');
  const name = str('name');
  if ([seq, name].some((t) => t !== null && TOTAL.test(t.replace(/\s/g, ''))))
    return { kind: 'skip', reason: 'total' };
  const headed = [seq, name].map((t) => (t === null ? null : GROUP.exec(t))).find((m) => m != null);
  const others = row.cells.filter((c) => textOf(c) !== null).length;
  if (headed != null && others <= 2) return { kind: 'group', name: (headed[1] ?? '').trim() };
  if (name === null) {
    const column = cell('name')?.column ?? null;
    fail(row.row, column, { zh: '缺少项目名称', en: 'The project name is missing' });
    return { kind: 'none' };
  }
  const money = (field: 'totalInvestment' | 'annualPlan'): number | null => {
    const c = cell(field);
    if (c === null) return null;
    const parsed = parseMoneyWan(
      typeof c.value === 'boolean' ? String(c.value) : c.value,
      c.column.unit ?? sheetUnit,
    );
    if (!parsed.ok) fail(row.row, c.column, parsed.message);
    return parsed.ok ? parsed.wan : null;
  };
  const yearsCell = cell('years');
  const years = yearsCell === null ? null : parseYearRange(textOf(yearsCell.value));
  if (years !== null && !years.ok && yearsCell !== null) fail(row.row, yearsCell.column, years.message);
  const code = str('code');
  const codeCell = cell('code');
  if (code !== null && codeCell !== null)
    for (const p of checkProjectCode(code)) fail(row.row, codeCell.column, p.message);
  return {
    kind: 'row',
    row: {
      row: row.row,
      seq,
      code: code === null ? null : code.trim(),
      name,
      category: str('category') ?? group,
      nature: str('nature'),
      content: str('content'),
      totalWan: money('totalInvestment'),
      annualPlanWan: money('annualPlan'),
      years: years?.ok === true ? years.range : null,
      leadUnit: str('leadUnit'),
      place: str('place'),
      owner: str('owner'),
    },
  };
}

/** Two rows with the same name (spaces ignored) cannot be told apart on re-import: both are flagged. */
function flagDuplicates(
  result: ProjectSheetRead,
  header: SheetHeader,
  fail: (row: number, column: HeaderColumn | null, message: BilingualMessage) => void,
): void {
  const nameColumn = header.columns.find((c) => c.field === 'name') ?? null;
  const byName = new Map<string, ProjectSheetRow[]>();
  for (const r of result.parsed) {
    const key = r.name.replace(/\s/g, '');
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const rowList = same.map((r) => r.row).join('、');
    for (const r of same) {
      fail(r.row, nameColumn, {
        zh: `项目名称“${r.name}”重复（第${rowList}行）`,
        en: `Duplicate project name "${r.name}" (rows ${same.map((x) => x.row).join(', ')})`,
      });
    }
  }
}
