import { matchHeading } from '../structure/heading.js';
import type { PreparedLine } from '../structure/prepared-line.js';
import { MappedText } from '../text/mapped-text.js';
import { buildColumns, continuesHeader, isHeaderCell, type Column } from './columns.js';
import { parseSegment, type SegmentRow } from './cell-segment.js';
import { isGroupLike, isOpenCell, startsClosed, withoutSubMarker } from './cell-shapes.js';
import type { RawRow, RawTable } from './raw-table.js';
import { isNoteLine, readNotes } from './table-notes.js';

const SEQ = /^\d{1,3}$/;
/** Without a 序号 column the number opens the name cell (`1. 地区生产总值`); the name keeps it. */
const SEQ_IN_NAME = /^(\d{1,3})[.、．](?!\d)\s*\S/;
/** A row that has not reached its next number after this many cells per column is not a row. */
const MAX_LINES_PER_COLUMN = 3;

/**
 * Reads a table written one cell per line (text copied from a web page). A row starts at its
 * sequence number and runs to the next one. Lines inside a row are first joined where a cell
 * plainly goes on (an open bracket, a trailing `/`), then matched to the header's columns by what
 * each column's cell looks like, so a wrapped name or target does not shift the cells after it.
 * Cells left after the row's last column form sub-indicators without a number, or — when they read
 * as a label (`经济发展` / `（7项）`) — name the group of the next row.
 */
export function readCellPerLineTable(
  lines: readonly PreparedLine[],
  headerLine: number,
  periodEnd: number | null,
): Omit<RawTable, 'caption'> {
  const { columns, next } = readHeader(lines, headerLine, periodEnd);
  const nameIndex = columns.findIndex((c) => c.role === 'name');
  const valueColumns = columns.map((_, index) => index).filter((index) => index > nameIndex);
  const attribute = columns.findIndex((c) => c.role === 'attribute');
  // A number cannot be the last cell when that cell is the attribute, so a row whose merged
  // attribute is written only above it may end one cell short.
  const lastIsAttribute = attribute >= 0 && attribute === columns.length - 1;
  const minCells = Math.max(1, valueColumns.length - (lastIsAttribute ? 1 : 0));
  const maxLines = MAX_LINES_PER_COLUMN * (valueColumns.length + 1) + 2;
  const hasSeqColumn = columns.some((c) => c.role === 'seq');
  const numberOf = (text: string): string | null =>
    SEQ.test(text) ? text : hasSeqColumn ? null : (SEQ_IN_NAME.exec(text)?.[1] ?? null);
  // `seq` is the number's own cell; `numbered` is also set when the number opens the name cell.
  const segments: Segment[] = [{ seq: null, numbered: false, lines: [] }];
  let lastSeq = 0;
  let stop = lines.length;
  for (let i = next; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    const text = line.trimmed;
    if (text === '') continue;
    // `一、经济发展` just before the next number is a group row, not a heading after the table.
    const groupRow = isGroupLike(text) && numberOf(nextText(lines, i)) === String(lastSeq + 1);
    if (isNoteLine(text) || (matchHeading(text) && !groupRow) || text.length > 60 || /。$/.test(text)) {
      stop = i;
      break;
    }
    const current = segments[segments.length - 1] as (typeof segments)[number];
    const cellCount = current.numbered ? joinCells(current.lines).length - (current.seq ? 0 : 1) : 0;
    const number = numberOf(text);
    if (number !== null && Number(number) === lastSeq + 1 && (!current.numbered || cellCount >= minCells)) {
      const own = SEQ.test(text);
      segments.push({ seq: own ? line : null, numbered: true, lines: own ? [] : [line] });
      lastSeq += 1;
      continue;
    }
    if (current.numbered && current.lines.length >= maxLines) {
      stop = i;
      break;
    }
    current.lines.push(line);
  }
  const rows: RawRow[] = [];
  let group: MappedText | null = null;
  let inherited: MappedText | null = null;
  let end = next;
  segments.forEach((segment, k) => {
    const cells = joinCells(segment.lines);
    if (!segment.numbered) {
      // Only the label just above the first number names its group; header cells left unread do not.
      let from = cells.length;
      while (from > 0 && isGroupLike(CELL_OPS.text(cells[from - 1] as PreparedLine[]))) from--;
      const label = cells.slice(from);
      group = label.length > 0 ? MappedText.concat(label.map(nameText)) : null;
      return;
    }
    const isLast = k === segments.length - 1;
    const roles = valueColumns.map((c) => (columns[c] as Column).role);
    const parsed = parseSegment(cells, roles, CELL_OPS, !isLast);
    parsed.rows.forEach((row, r) => {
      const raw = toRow(row, r === 0 ? segment.seq : null, r === 0 ? group : null, valueColumns, nameIndex);
      // A merged attribute cell is written once, in its first row; the rows it spans share it.
      if (attribute >= 0 && !raw.values.has(attribute) && inherited) raw.values.set(attribute, inherited);
      if (attribute >= 0) inherited = raw.values.get(attribute) ?? null;
      rows.push(raw);
    });
    group = parsed.nextGroup.length > 0 ? MappedText.concat(parsed.nextGroup.map(nameText)) : null;
    const used = parsed.used > 0 ? cells[parsed.used - 1] : undefined;
    const lastLine = used ? used[used.length - 1] : segment.seq;
    end = Math.max(end, (lastLine?.index ?? end) + 1);
    const following = segments[k + 1];
    if (following) end = Math.max(end, (following.seq ?? following.lines[0])?.index ?? end);
  });
  end = Math.min(end, stop);
  const notes = readNotes(lines, end);
  return { columns, rows, notes: notes.notes, startLine: headerLine, endLine: Math.max(end, notes.endLine) };
}

type Segment = { seq: PreparedLine | null; numbered: boolean; lines: PreparedLine[] };

function nextText(lines: readonly PreparedLine[], from: number): string {
  for (let k = from + 1; k < lines.length; k++) {
    const text = lines[k]?.trimmed ?? '';
    if (text !== '') return text;
  }
  return '';
}

const CELL_OPS = {
  text: (cell: PreparedLine[]): string => cell.map((l) => l.trimmed).join(''),
  join: (a: PreparedLine[], b: PreparedLine[]): PreparedLine[] => [...a, ...b],
};

/** Groups lines into cells: a line continues the cell above when that cell is left open. */
function joinCells(lines: PreparedLine[]): PreparedLine[][] {
  const cells: PreparedLine[][] = [];
  for (const line of lines) {
    const last = cells[cells.length - 1];
    const previous = last?.map((l) => l.trimmed).join('') ?? '';
    if (last && (isOpenCell(previous) || startsClosed(line.trimmed))) last.push(line);
    else cells.push([line]);
  }
  return cells;
}

/** A name cell's lines joined without a break: a wrapped name reads as one string. */
function nameText(cell: PreparedLine[]): MappedText {
  return MappedText.concat(cell.map((l) => l.text.trim()));
}

/** A value cell's lines joined with the line break kept (`21.5\n（2024年）`). */
function valueText(cell: PreparedLine[]): MappedText {
  return MappedText.concat(
    cell.map((l) => l.text.trim()),
    '\n',
  );
}

function readHeader(
  lines: readonly PreparedLine[],
  from: number,
  periodEnd: number | null,
): { columns: Column[]; next: number } {
  const cells: string[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const text = lines[i]?.trimmed ?? '';
    if (text === '') continue;
    const previous = cells[cells.length - 1];
    if (previous !== undefined && continuesHeader(previous, text)) cells[cells.length - 1] = previous + text;
    else if (isHeaderCell(text)) cells.push(text);
    else break;
  }
  return { columns: buildColumns(cells, periodEnd), next: i };
}

function toRow(
  row: SegmentRow<PreparedLine[]>,
  seq: PreparedLine | null,
  group: MappedText | null,
  valueColumns: number[],
  nameIndex: number,
): RawRow {
  const values = new Map<number, MappedText>();
  row.values.forEach((cells, k) => {
    // Cells beyond the header's columns keep their position after the name.
    const column = valueColumns[k] ?? nameIndex + 1 + k;
    if (cells.length === 0) return;
    values.set(column, MappedText.concat(cells.map(valueText), '\n'));
  });
  const all = [seq ? [seq] : [], ...row.names, ...row.values.flat()].flat();
  const range = MappedText.concat(all.map((l) => l.text)).sourceRange();
  return {
    group,
    seq: seq ? seq.text.trim() : null,
    names: row.names.map((n, k) => (seq || k > 0 ? nameText(n) : withoutSubMarker(nameText(n)))),
    values,
    start: range.start,
    end: range.end,
  };
}
