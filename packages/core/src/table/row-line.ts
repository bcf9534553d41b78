import { MappedText } from '../text/mapped-text.js';
import { withoutSubMarker } from './cell-shapes.js';
import type { Column } from './columns.js';
import { assignRowCells, fitCells, type RawRow } from './raw-table.js';

/**
 * One row of a one-row-per-line (PDF text) table being gathered: its number, the text after the
 * number (with wrapped lines joined), and name pieces found on lines of their own before or after it.
 */
export type LineRow = {
  seq: MappedText | null;
  body: MappedText | null;
  lead: MappedText[];
  tail: MappedText[];
  /** The end of a value cell wrapped onto a line below the row (`以上`). */
  after: MappedText[];
  /** The name holds a parent and a sub-indicator separated by a space (a sub-indicator row follows). */
  split: boolean;
};

const ATTRIBUTE_TAIL = /(^|[\s\u3000]+)(预期性|约束性)$/;
/** The attribute standing before other columns: a word of its own anywhere in the row. */
const ATTRIBUTE_TOKEN = /(^|[\s\u3000])(预期性|约束性)([\s\u3000]|$)/;
const CJK_END = /[\u4e00-\u9fff“”（(、/／]$/;
const CJK_START = /^[\u4e00-\u9fff“”）)]/;
/** `左右`, `以上` end the value before them; no space is put between. */
const VALUE_TAIL = /^(左右|以上|以下|以内)/;

/** Joins a wrapped line to the text before it: no space inside a wrapped name, a space elsewhere. */
export function joinWrapped(a: MappedText | null, b: MappedText): MappedText {
  if (!a || a.text.trim() === '') return b;
  const glued =
    (CJK_END.test(a.text) && CJK_START.test(b.text) && !/^(预期性|约束性)$/.test(b.text.trim())) ||
    VALUE_TAIL.test(b.text);
  return MappedText.concat([a, b], glued ? '' : ' ');
}

/**
 * True when the row has all its cells: it holds its attribute (at its end, or anywhere when the
 * header puts the attribute before other columns), or has a value after its name.
 */
export function isComplete(row: LineRow, hasAttribute: boolean, attributeLast = true): boolean {
  const body = row.body?.text ?? '';
  const attribute = attributeLast ? ATTRIBUTE_TAIL : ATTRIBUTE_TOKEN;
  // A sub-indicator may lack the attribute: its parent's merged cell is printed once.
  if (hasAttribute && (row.seq || attribute.test(body))) return attribute.test(body);
  const nameEnd = findNameEnd(body);
  return /\S/.test(body.slice(nameEnd));
}

/** Builds the raw row: the attribute from the end, the name up to its unit bracket, values after. */
export function toRawRow(row: LineRow, group: MappedText | null, columns: Column[]): RawRow {
  let body = MappedText.concat([...row.lead, row.body ?? MappedText.empty()]);
  const values = new Map<number, MappedText>();
  const attributeIndex = columns.findIndex((c) => c.role === 'attribute');
  const attribute = ATTRIBUTE_TAIL.exec(body.text);
  if (attribute && attributeIndex >= 0) {
    values.set(attributeIndex, body.slice(attribute.index).trim());
    body = body.slice(0, attribute.index);
  }
  for (const piece of row.after) body = joinWrapped(body.trim(), piece);
  const nameEnd = findNameEnd(body.text);
  let name = body.slice(0, nameEnd).trim();
  if (row.tail.length > 0) name = MappedText.concat([name, ...row.tail]);
  if (!row.seq) name = withoutSubMarker(name);
  const nameIndex = columns.findIndex((c) => c.role === 'name');
  const valueColumns = columns
    .map((_, index) => index)
    .filter((index) => index > nameIndex && index !== attributeIndex);
  const rest = body.slice(nameEnd);
  const tokens = [...rest.text.matchAll(/[^\s\u3000]+/g)].map((m) =>
    rest.slice(m.index, m.index + m[0].length),
  );
  // Joining tokens keeps the original spacing (`5 左右`) by re-slicing the row between them.
  const merge = (a: MappedText, b: MappedText): MappedText => spanning(body, a, b);
  let names = row.split ? splitParent(name) : [name];
  if (attributeIndex >= 0 && attributeIndex < columns.length - 1) {
    // The attribute stands before other columns: place every cell by the header's order.
    const after = columns.map((_, index) => index).filter((index) => index > nameIndex);
    const placed = assignRowCells([name, ...tokens], columns, after, (t) => t.text, merge);
    placed.values.forEach((cell, column) => values.set(column, cell));
    names = placed.names;
  } else {
    const joined = fitCells(tokens, valueColumns.length, (t) => t.text, merge);
    valueColumns.forEach((column, k) => {
      const cell = joined[k];
      if (cell) values.set(column, cell);
    });
  }
  const parts = [row.seq, ...row.lead, row.body, ...row.tail, ...row.after].filter(
    (p): p is MappedText => p !== null,
  );
  const range = MappedText.concat(parts).sourceRange();
  return {
    group,
    seq: row.seq,
    names,
    values,
    start: range.start,
    end: range.end,
  };
}

/** `每千人口医护人员数 执业医师数（人）` → the parent and the sub-indicator, split at the last space. */
function splitParent(name: MappedText): MappedText[] {
  const space = /[\s\u3000]+(?=\S+$)/.exec(name.text);
  if (!space) return [name];
  return [name.slice(0, space.index).trim(), name.slice(space.index).trim()];
}

/** Names carry their unit in brackets: the name ends at the first `）` followed by a space. */
export function findNameEnd(text: string): number {
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
