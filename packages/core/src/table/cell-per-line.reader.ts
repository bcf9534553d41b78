import { matchHeading } from '../structure/heading.js';
import type { PreparedLine } from '../structure/prepared-line.js';
import { MappedText } from '../text/mapped-text.js';
import { buildColumns, continuesHeader, isHeaderCell, type Column } from './columns.js';
import { assignRowCells, type RawRow, type RawTable } from './raw-table.js';
import { isNoteLine, readNotes } from './table-notes.js';

const ATTRIBUTE = /^(预期性|约束性)$/;
const SEQ = /^\d{1,3}$/;
/** Without a 序号 column the number opens the name cell (`1. 地区生产总值`); the name keeps it. */
const SEQ_IN_NAME = /^(\d{1,3})[.、．](?!\d)\s*\S/;
/** A row that has not closed after this many lines is not a row: the table has ended. */
const MAX_ROW_LINES = 14;

/**
 * Reads a table written one cell per line (text copied from a web page). A row starts at its
 * sequence number and closes at its attribute cell (or at the next number when the table has no
 * attribute column). Lines between a closed row and the next number name the group; cells after a
 * closed row without a number form a sub-indicator of that row.
 */
export function readCellPerLineTable(
  lines: readonly PreparedLine[],
  headerLine: number,
  periodEnd: number | null,
): Omit<RawTable, 'caption'> {
  const { columns, next } = readHeader(lines, headerLine, periodEnd);
  // A row closes at its attribute only when the attribute is the last column (else at the next number).
  const hasAttribute = columns[columns.length - 1]?.role === 'attribute';
  const hasSeqColumn = columns.some((c) => c.role === 'seq');
  const rows: RawRow[] = [];
  let pending: PreparedLine[] = [];
  let anchor = -1;
  let lastSeq = 0;
  let end = next;
  const close = (): void => {
    rows.push(toRow(pending, anchor, columns, hasSeqColumn));
    pending = [];
    anchor = -1;
  };
  for (let i = next; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    const text = line.trimmed;
    if (text === '') continue;
    if (isNoteLine(text) || matchHeading(text) || text.length > 60 || /。$/.test(text)) break;
    const number = SEQ.test(text) ? text : hasSeqColumn ? null : (SEQ_IN_NAME.exec(text)?.[1] ?? null);
    const isAnchor = number !== null && Number(number) === lastSeq + 1 && (anchor < 0 || !hasAttribute);
    if (isAnchor && !hasAttribute && anchor >= 0) {
      close();
      end = i;
    }
    if (isAnchor) {
      anchor = pending.length;
      lastSeq = Number(number);
    }
    pending.push(line);
    if (hasAttribute && ATTRIBUTE.test(text)) {
      close();
      end = i + 1;
    } else if (pending.length > MAX_ROW_LINES) {
      pending = [];
      break;
    }
  }
  if (!hasAttribute && anchor >= 0) {
    end = (pending[pending.length - 1]?.index ?? end) + 1;
    close();
  }
  const notes = readNotes(lines, end);
  return { columns, rows, notes: notes.notes, startLine: headerLine, endLine: Math.max(end, notes.endLine) };
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

function toRow(pending: PreparedLine[], anchor: number, columns: Column[], hasSeqColumn: boolean): RawRow {
  const texts = pending.map((l) => l.text.trim());
  const groupCells = anchor > 0 ? texts.slice(0, anchor) : [];
  const ownCell = anchor >= 0 && (hasSeqColumn || SEQ.test(texts[anchor]?.text ?? ''));
  const seq = ownCell ? (texts[anchor] ?? null) : null;
  const rest = anchor >= 0 ? texts.slice(anchor + (ownCell ? 1 : 0)) : texts;
  const nameIndex = columns.findIndex((c) => c.role === 'name');
  const valueColumns = columns.map((_, index) => index).filter((index) => index > nameIndex);
  const { names, values } = assignRowCells(
    rest,
    columns,
    valueColumns,
    (c) => c.text,
    (a, b) => MappedText.concat([a, b], '\n'),
  );
  const range = MappedText.concat(texts).sourceRange();
  return {
    group: groupCells.length > 0 ? MappedText.concat(groupCells) : null,
    seq,
    names,
    values,
    start: range.start,
    end: range.end,
  };
}
