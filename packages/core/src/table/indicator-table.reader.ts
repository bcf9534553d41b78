import { matchHeading } from '../structure/heading.js';
import type { PreparedLine } from '../structure/prepared-line.js';
import { compact } from '../structure/toc.js';
import { readCellPerLineTable } from './cell-per-line.reader.js';
import { buildColumns, isHeaderCell, isHeaderLine, splitHeaderLine, type Column } from './columns.js';
import type { RawTable } from './raw-table.js';
import { readRowPerLineTable } from './row-per-line.reader.js';
import { readTabLayoutTable } from './tab-layout.reader.js';
import { isNoteLine } from './table-notes.js';
import { classifyTable, type TableRole } from './table-role.js';

/** An indicator table found in the document, with what it is for. */
export type FoundTable = RawTable & { role: TableRole };

/** Lines looked at after a caption for the table's header. */
const CAPTION_REACH = 12;

/**
 * Finds every indicator table of the document and reads each with the reader for its layout:
 * tab-indented cells (Word export), one row per line (PDF) or one cell per line (web page). A
 * header is a run of header words that names an indicator column and at least one column of
 * values (a target, a baseline, a unit or an attribute); a `序号` column is not required. Each
 * table gets a role from its caption and columns: the plan's targets, the previous plan's results,
 * or other.
 */
export function readIndicatorTables(
  lines: readonly PreparedLine[],
  periodEnd: number | null,
  skip: (line: number) => boolean,
): FoundTable[] {
  const tables: FoundTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (skip(i) || !isHeaderStart(lines, i, periodEnd)) continue;
    const start = headerStart(lines, i);
    const first = lines[start] as PreparedLine;
    const oneLine = isOneLineHeader(lines[i]?.trimmed ?? '', periodEnd);
    const read = first.text.text.startsWith('\t')
      ? readTabLayoutTable(lines, start, periodEnd)
      : oneLine
        ? readRowPerLineTable(lines, i, periodEnd)
        : readCellPerLineTable(lines, start, periodEnd);
    if (!read.columns.some((c) => c.role === 'name') || read.rows.length === 0) continue;
    const caption = findCaption(lines, start);
    tables.push({ ...read, caption, role: classifyTable(caption?.text ?? null, read.columns, periodEnd) });
    i = Math.max(i, read.endLine - 1);
  }
  return tables;
}

/**
 * The first line of a table's header: a cell `序号` or an indicator column title written with
 * more header words around it (on its own line or in the next lines).
 */
function isHeaderStart(lines: readonly PreparedLine[], at: number, periodEnd: number | null): boolean {
  const text = compact(lines[at]?.trimmed ?? '');
  if (!/序号|编号|指标|名称/.test(text)) return false;
  if (isOneLineHeader(lines[at]?.trimmed ?? '', periodEnd)) return true;
  if (!isHeaderCell(text)) return false;
  const cells: string[] = [];
  for (let k = headerStart(lines, at); k < Math.min(lines.length, at + 12) && cells.length < 12; k++) {
    const cell = lines[k]?.trimmed ?? '';
    if (cell === '') continue;
    if (!isHeaderCell(cell)) break;
    cells.push(cell);
  }
  return namesValues(buildColumns(cells, periodEnd));
}

/** A header written on one line: `序号 指 标 2030 年目标 属性`. */
function isOneLineHeader(text: string, periodEnd: number | null): boolean {
  if (!/[\s\u3000]/.test(text) || !isHeaderLine(text)) return false;
  return namesValues(buildColumns(splitHeaderLine(text), periodEnd));
}

function namesValues(columns: Column[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  const values = ['target', 'baseline', 'unit', 'attribute'].filter((r) => roles.has(r as Column['role']));
  return roles.has('name') && (roles.has('seq') || values.length >= 2 || roles.has('target'));
}

/** Walks back over header cells written before the first one found (e.g. `类别` before `序号`). */
function headerStart(lines: readonly PreparedLine[], at: number): number {
  let start = at;
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const text = lines[k]?.trimmed ?? '';
    if (text === '') continue;
    if (!isHeaderCell(text)) break;
    start = k;
  }
  return start;
}

function findCaption(lines: readonly PreparedLine[], start: number): RawTable['caption'] {
  let seen = 0;
  for (let k = start - 1; k >= 0 && seen < 3; k--) {
    const text = lines[k]?.trimmed ?? '';
    if (text === '') continue;
    seen++;
    if (text.length <= 40 && /指标/.test(text)) return (lines[k] as PreparedLine).text.trim();
  }
  return null;
}

/**
 * Lines that announce an indicator table — a caption (`表1 主要指标`) followed within a few lines by
 * header words, or a header itself — where no table was read. Ingestion warns about each rather
 * than leaving an empty table unexplained.
 */
export function findUnreadTables(
  lines: readonly PreparedLine[],
  tables: readonly FoundTable[],
  periodEnd: number | null,
  skip: (line: number) => boolean,
): string[] {
  const within = (i: number): boolean => tables.some((t) => i >= t.startLine - 3 && i < t.endLine);
  const unread: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.trimmed ?? '';
    if (skip(i) || within(i)) continue;
    // Notes that explain a table's marks (`带[ ]数据为5年累计值`) outlive a table lost in conversion.
    let header = isHeaderStart(lines, i, periodEnd) || isTableNote(text);
    if (isCaption(text)) {
      for (let k = i + 1; k < Math.min(lines.length, i + CAPTION_REACH) && !header; k++) {
        const next = compact(lines[k]?.trimmed ?? '');
        header = /序号|指标名称|属性|单位/.test(next) && next.length <= 80;
      }
    }
    if (!header) continue;
    unread.push(text);
    i += CAPTION_REACH;
  }
  return unread;
}

/** A table caption about indicators: short, not a sentence, not a numbered heading. */
function isCaption(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 40 &&
    /指标/.test(text) &&
    !/[。；;，,]/.test(text) &&
    (/^(?:附?表\s*\d*)/.test(text) || /指标(?:表|体系)?$/.test(text)) &&
    (/^附?表/.test(text) || matchHeading(text) === null)
  );
}

/** A note that explains the marks of an indicator table's cells (`注：带[ ]数据为5年累计值`). */
function isTableNote(text: string): boolean {
  return (
    isNoteLine(text) &&
    text.length <= 120 &&
    /数据|数值/.test(text) &&
    /累计|均值|预计|[[［【{｛*＊∗]/.test(text)
  );
}
