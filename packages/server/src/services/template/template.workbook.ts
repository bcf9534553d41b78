import ExcelJS from 'exceljs';
import type { XlsxCell, XlsxWorkbook } from '@plantrack/formats';
import type { CellError, Messages } from '../../errors.js';
import { type WorkbookReadOptions, readWorkbookOffThread } from './workbook.worker-reader.js';

/**
 * The department's Excel template (填报模板): sheet `指标` with one row per indicator × owed period,
 * sheet `任务进展` with one row per task × owed period (template-task.sheet.ts), and sheet `说明`
 * explaining the columns of both in Chinese and English. Building and reading the cells only; what
 * a row means is decided by the template service.
 */
export const DATA_SHEET = '指标';
export const HELP_SHEET = '说明';

export const COLUMNS = [
  {
    header: '指标ID',
    key: 'indicatorId',
    width: 38,
    zh: '系统内指标编号，已锁定，请勿修改。',
    en: 'Indicator id in PlanTrack; locked, do not change.',
  },
  {
    header: '序号',
    key: 'seq',
    width: 6,
    zh: '规划纲要指标表中的序号。',
    en: 'Number in the outline’s indicator table.',
  },
  { header: '指标名称', key: 'name', width: 36, zh: '指标名称。', en: 'Indicator name.' },
  {
    header: '单位',
    key: 'unit',
    width: 12,
    zh: '计量单位；如填写，须与规划一致。',
    en: 'Unit; when filled it must be the plan’s unit.',
  },
  {
    header: '期间',
    key: 'period',
    width: 10,
    zh: '报告期：2026（年）、2026Q1（季）、2026H1（半年）或 2026-03（月），须为本部门应报的期间。',
    en: 'Reporting period: 2026 (year), 2026Q1 (quarter), 2026H1 (half-year) or 2026-03 (month); must be one your department owes.',
  },
  {
    header: '口径',
    key: 'scope',
    width: 14,
    zh: '统计口径；留空或与规划口径一致。',
    en: 'Statistical scope; leave empty or use the plan’s scope.',
  },
  {
    header: '数值',
    key: 'value',
    width: 12,
    zh: '监测值，填写数字（不带单位）；留空的行不提交。',
    en: 'The value, a number without unit; rows left empty are not uploaded.',
  },
  {
    header: '是否预计',
    key: 'estimated',
    width: 10,
    zh: '“是”表示预计数，“否”或留空表示实际数。',
    en: '“是” (yes) for an estimate; “否” (no) or empty for an actual figure.',
  },
  {
    header: '来源',
    key: 'source',
    width: 20,
    zh: '数据来源，如统计年鉴、部门台账。',
    en: 'Source of the figure, e.g. the statistical yearbook or the department’s ledger.',
  },
  {
    header: '说明',
    key: 'comment',
    width: 30,
    zh: '补充说明（可选）。',
    en: 'Remarks (optional).',
  },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** The column letter of a field (`value` → `G`). */
export function columnLetter(key: ColumnKey): string {
  return String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));
}

/** Columns a reporter fills in; the others are locked by sheet protection. */
const EDITABLE: readonly ColumnKey[] = ['scope', 'value', 'estimated', 'source', 'comment'];

export type TemplateRow = {
  indicatorId: string;
  seq: string;
  name: string;
  unit: string | null;
  period: string;
  scope: string | null;
  value: number | null;
  estimated: boolean | null;
  source: string | null;
  comment: string | null;
};

/** A row of the help sheet (说明). */
export type HelpRow = { column: string; zh: string; en: string };

/** Adds the indicator sheet to a workbook being built, locked except for the cells a reporter fills. */
export async function addIndicatorSheet(wb: ExcelJS.Workbook, rows: readonly TemplateRow[]): Promise<void> {
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow({
      indicatorId: r.indicatorId,
      seq: r.seq,
      name: r.name,
      unit: r.unit ?? '',
      period: r.period,
      scope: r.scope ?? '',
      value: r.value,
      estimated: r.estimated === null ? '' : r.estimated ? '是' : '否',
      source: r.source ?? '',
      comment: r.comment ?? '',
    });
    for (const key of EDITABLE) row.getCell(key).protection = { locked: false };
    row.getCell('estimated').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"是,否"'],
    };
  }
  ws.getColumn('indicatorId').font = { color: { argb: 'FF808080' } };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

/** The indicator sheet's lines on the help sheet. */
export const INDICATOR_HELP: readonly HelpRow[] = [
  {
    column: DATA_SHEET,
    zh: '监测指标：每行一个指标的一个应报期间。',
    en: 'Indicators: one row per indicator and owed period.',
  },
  ...COLUMNS.map((c) => ({ column: `${columnLetter(c.key)} ${c.header}`, zh: c.zh, en: c.en })),
];

/** One sheet of the workbook being built: how it is added and what the help sheet says of it. */
export type WorkbookSheet = { help: readonly HelpRow[]; add: (wb: ExcelJS.Workbook) => Promise<void> };

/** Builds the workbook (.xlsx bytes): the record kinds' sheets in order, then the help sheet. */
export async function buildTemplateWorkbook(
  title: string,
  sheets: readonly WorkbookSheet[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanTrack';
  wb.title = title;
  for (const sheet of sheets) await sheet.add(wb);

  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: '列 Column', key: 'column', width: 14 },
    { header: '说明', key: 'zh', width: 60 },
    { header: 'Description', key: 'en', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const sheet of sheets) {
    for (const line of sheet.help) help.addRow(line);
    help.addRow({});
  }
  help.addRow({
    column: '上传 Upload',
    zh: '填写后上传本文件：系统先检查两张表的每个单元格，发现任何错误则全部不保存并列出错误位置（工作表、行、列）；无误时两张表一并保存为草稿（或按要求直接提交审核）。重复上传同一文件不会产生新的修订。',
    en: 'Upload this file when filled in: every cell of both sheets is checked first; if any is wrong nothing is saved and each error is listed with its sheet, row and column. Otherwise both sheets are saved as drafts together (or submitted for review on request). Uploading the same file again creates no new revisions.',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row of the indicator sheet of an uploaded workbook. */
export type UploadedRow = SheetRow<ColumnKey>;

/** An uploaded workbook: the cells of its template sheets (formats/xlsx.reader.ts). */
export type UploadedWorkbook = XlsxWorkbook;

/**
 * Opens an uploaded workbook within the reader's limits on a worker thread
 * (workbook.worker-reader.ts), reading only the template's sheets, or says why it cannot be read:
 * 413 when it is too large or expands too much (a decompression bomb), 400 when it is no workbook.
 */
export async function readWorkbook(
  bytes: Buffer,
  sheetNames: readonly string[],
  options: WorkbookReadOptions = {},
): Promise<{ ok: true; workbook: UploadedWorkbook } | { ok: false; status: 400 | 413; messages: Messages }> {
  // Other office suites' formats: say which one it is and how to save it as .xlsx.
  const other = otherSpreadsheetFormat(bytes);
  if (other !== null) return { ok: false, status: 400, messages: other };
  // An .xlsx file is a ZIP archive: refuse anything else before handing it to the reader.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    return {
      ok: false,
      status: 400,
      messages: {
        zh: '上传的文件不是 Excel（.xlsx）工作簿。',
        en: 'The upload is not an Excel (.xlsx) workbook.',
      },
    };
  }
  const read = await readWorkbookOffThread(bytes, sheetNames, options);
  if (read.ok) return read;
  return { ok: false, status: read.reason === 'too-large' ? 413 : 400, messages: read.messages };
}

/** The OLE compound file signature of .xls (Excel 97–2003, BIFF) and WPS .et files. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An OpenDocument spreadsheet names its type in the first, uncompressed `mimetype` entry. */
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * A spreadsheet in another format than .xlsx, recognised by its first bytes: an .ods (a ZIP whose
 * first entry is `mimetype`) or an .xls (a compound file). Both are told to save as .xlsx, rather
 * than that a sheet is missing or that the file is not a spreadsheet at all.
 */
export function otherSpreadsheetFormat(bytes: Buffer): Messages | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(COMPOUND_FILE)) {
    return {
      zh: '上传的是旧版 Excel 97–2003 工作簿（.xls）。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后重新上传。',
      en: 'This is an Excel 97–2003 workbook (.xls). Open it in Excel or WPS, "Save as" an Excel workbook (.xlsx) and upload that.',
    };
  }
  const head = bytes.subarray(0, 200).toString('latin1');
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50 && head.includes(ODS_MIMETYPE)) {
    return {
      zh: '上传的是 OpenDocument 表格（.ods）。请在 LibreOffice 或 WPS 中“另存为” Excel 工作簿（.xlsx）后重新上传。',
      en: 'This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or WPS, "Save as" an Excel workbook (.xlsx) and upload that.',
    };
  }
  return null;
}

function cellValue(value: XlsxCell | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return value;
}

/** A sheet's column as the reader needs it: the header text and the field it holds. */
export type SheetColumn<K extends string> = { readonly header: string; readonly key: K };

/** The rows of one sheet of an uploaded workbook, each cell as text, numbers kept as numbers. */
export type SheetRow<K extends string> = { row: number; cells: Record<K, string | number | boolean | null> };

/**
 * Reads one sheet: checks the header row (an error on each wrong header cell) and returns the
 * non-empty rows below it; `present: false` when the workbook has no sheet of that name.
 */
export function readSheetRows<K extends string>(
  workbook: UploadedWorkbook,
  sheet: string,
  columns: readonly SheetColumn<K>[],
): { present: boolean; errors: CellError[]; rows: SheetRow<K>[] } {
  const ws = workbook.sheets.find((s) => s.name === sheet);
  if (ws === undefined) return { present: false, errors: [], rows: [] };
  const errors: CellError[] = [];
  const header = ws.rows.find((r) => r.row === 1)?.cells ?? [];
  columns.forEach((c, i) => {
    const found = cellValue(header[i]);
    if (found !== c.header) {
      errors.push({
        sheet,
        row: 1,
        column: String.fromCharCode(65 + i),
        messages: {
          zh: `表头应为“${c.header}”，实际为“${found ?? ''}”。`,
          en: `The header should be "${c.header}", found "${found ?? ''}".`,
        },
      });
    }
  });
  const rows: SheetRow<K>[] = [];
  for (const row of ws.rows) {
    if (row.row === 1) continue;
    const cells = {} as SheetRow<K>['cells'];
    columns.forEach((c, i) => {
      cells[c.key] = cellValue(row.cells[i]);
    });
    if (Object.values(cells).some((v) => v !== null)) rows.push({ row: row.row, cells });
  }
  return { present: true, errors, rows };
}

/** Reads the indicator sheet (see {@link readSheetRows}). */
export function readDataRows(workbook: UploadedWorkbook): {
  present: boolean;
  errors: CellError[];
  rows: UploadedRow[];
} {
  return readSheetRows(workbook, DATA_SHEET, COLUMNS);
}
