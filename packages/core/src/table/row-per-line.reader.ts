import { PAGE_FOOTER } from '../structure/layout.js';
import type { PreparedLine } from '../structure/prepared-line.js';
import { compact } from '../structure/toc.js';
import { MappedText } from '../text/mapped-text.js';
import { buildColumns, isHeaderLine, splitHeaderLine, type Column } from './columns.js';
import { assignRowCells, fitCells, type RawRow, type RawTable } from './raw-table.js';
import { readNotes } from './table-notes.js';

/** A row opens with its number, alone or written into the name cell (`1. 地区生产总值`). */
const ROW = /^(\d{1,3})(?:[.、．](?!\d)[\s\u3000]*|[\s\u3000]+)\S/;
const ATTRIBUTE_TAIL = /[\s\u3000]+(预期性|约束性)$/;
const ATTRIBUTE_TOKEN = /[\s\u3000](预期性|约束性)(?:[\s\u3000]|$)/;
/** A name wraps onto one or two more lines; a row still open after that means the table has ended. */
const MAX_CONTINUATIONS = 2;
const GROUP =
  /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])?[\u4e00-\u9fff“”]{2,16}([（(]\s*\d+\s*项\s*[）)])?$/;

/**
 * Reads a table extracted from a PDF: one row per line (`1 地区生产总值年均增长（%） 5 左右 预期性`),
 * a name wrapped onto the next line, group lines (`一、经济强（12 项）`), and the header repeated
 * after a page break. The name ends at the first `）` followed by a space (names carry their unit
 * in brackets), otherwise at the first space.
 */
export function readRowPerLineTable(
  lines: readonly PreparedLine[],
  headerLine: number,
  periodEnd: number | null,
): Omit<RawTable, 'caption'> {
  const headerText = lines[headerLine]?.trimmed ?? '';
  // A header of two rows comes out as two lines (`序号 指标 单位 “十五五”目标` / `2030年 年均`).
  const following = lines[headerLine + 1]?.trimmed ?? '';
  const headerTexts =
    following !== '' && !ROW.test(following) && isHeaderLine(following)
      ? [headerText, following]
      : [headerText];
  const isHeaderRepeat = (text: string): boolean => headerTexts.some((h) => compact(text) === compact(h));
  const columns = buildColumns(headerTexts.flatMap(splitHeaderLine), periodEnd);
  const hasAttribute = columns.some((c) => c.role === 'attribute');
  const rows: RawRow[] = [];
  let group: MappedText | null = null;
  let current: MappedText | null = null;
  let lastSeq = 0;
  let continuations = 0;
  let end = headerLine + headerTexts.length;
  // A row is complete at its attribute: at the end, or wherever the header puts the attribute column.
  const attributeLast = columns[columns.length - 1]?.role === 'attribute';
  const complete = (text: MappedText): boolean =>
    !hasAttribute || (attributeLast ? ATTRIBUTE_TAIL : ATTRIBUTE_TOKEN).test(text.text);
  // A group line names the rows after it; only the first of them carries it (merged-cell style).
  const flush = (): void => {
    if (!current) return;
    rows.push(toRow(current, group, columns));
    group = null;
    current = null;
  };
  for (let i = headerLine + 1; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    const text = line.trimmed;
    if (text === '' || PAGE_FOOTER.test(text) || isHeaderRepeat(text)) continue;
    const rowStart = ROW.exec(text);
    if (rowStart && Number(rowStart[1]) === lastSeq + 1 && (!current || complete(current))) {
      flush();
      current = line.text.trim();
      continuations = 0;
      lastSeq += 1;
    } else if (current && !complete(current) && continuations < MAX_CONTINUATIONS) {
      current = MappedText.concat([current, line.text.trim()]);
      continuations++;
    } else if (GROUP.test(text)) {
      flush();
      group = line.text.trim();
    } else {
      break;
    }
    end = i + 1;
  }
  flush();
  const notes = readNotes(lines, end);
  return { columns, rows, notes: notes.notes, startLine: headerLine, endLine: Math.max(end, notes.endLine) };
}

function toRow(rowText: MappedText, group: MappedText | null, columns: Column[]): RawRow {
  const range = rowText.sourceRange();
  const seqMatch = /^(\d{1,3})(?:[.、．](?!\d)[\s\u3000]*|[\s\u3000]+)/.exec(rowText.text);
  const seqLength = seqMatch?.[1]?.length ?? 0;
  let body = rowText.slice(seqMatch?.[0].length ?? 0);
  const values = new Map<number, MappedText>();
  const attributeIndex = columns.findIndex((c) => c.role === 'attribute');
  const attribute = ATTRIBUTE_TAIL.exec(body.text);
  if (attribute && attributeIndex >= 0) {
    values.set(attributeIndex, body.slice(attribute.index).trim());
    body = body.slice(0, attribute.index);
  }
  const nameEnd = findNameEnd(body.text);
  const name = body.slice(0, nameEnd).trim();
  const nameIndex = columns.findIndex((c) => c.role === 'name');
  const valueColumns = columns
    .map((_, index) => index)
    .filter((index) => index > nameIndex && index !== attributeIndex);
  const rest = body.slice(nameEnd);
  const tokens = [...rest.text.matchAll(/[^\s\u3000]+/g)].map((m) =>
    rest.slice(m.index, m.index + m[0].length),
  );
  const merge = (a: MappedText, b: MappedText): MappedText => spanning(rowText, a, b);
  if (attributeIndex >= 0 && attributeIndex < columns.length - 1) {
    // The attribute stands before other columns: place every cell by the header's order.
    const placed = assignRowCells(
      [name, ...tokens],
      columns,
      valueColumnsAfter(columns, nameIndex),
      (t) => t.text,
      merge,
    );
    placed.values.forEach((cell, column) => values.set(column, cell));
    return {
      group,
      seq: rowText.slice(0, seqLength),
      names: placed.names,
      values,
      start: range.start,
      end: range.end,
    };
  }
  // Joining tokens keeps the original spacing (`5 左右`) by re-slicing the row between them.
  const joined = fitCells(tokens, valueColumns.length, (t) => t.text, merge);
  valueColumns.forEach((column, k) => {
    const cell = joined[k];
    if (cell) values.set(column, cell);
  });
  return {
    group,
    seq: rowText.slice(0, seqLength),
    names: [name],
    values,
    start: range.start,
    end: range.end,
  };
}

function findNameEnd(text: string): number {
  const bracketed = /[）)][\s\u3000]+/.exec(text);
  if (bracketed) return bracketed.index + 1;
  const space = /[\s\u3000]+/.exec(text);
  return space ? space.index : text.length;
}

/** The slice of `row` from the start of `a` to the end of `b`, spacing included. */
function spanning(row: MappedText, a: MappedText, b: MappedText): MappedText {
  const from = a.sourceRange().start;
  const to = b.sourceRange().end;
  let start = -1;
  let stop = -1;
  for (let i = 0; i < row.length; i++) {
    const { start: offset } = row.sourceRange(i, i + 1);
    if (start < 0 && offset >= from) start = i;
    if (offset < to) stop = i + 1;
  }
  return start >= 0 && stop > start ? row.slice(start, stop) : MappedText.concat([a, b], ' ');
}

function valueColumnsAfter(columns: readonly Column[], nameIndex: number): number[] {
  return columns.map((_, index) => index).filter((index) => index > nameIndex);
}
