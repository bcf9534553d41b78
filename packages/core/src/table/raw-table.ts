import type { MappedText } from '../text/mapped-text.js';
import type { Column } from './columns.js';
import { isUnit } from './unit.grammar.js';

/**
 * One row of an indicator table as a layout reader saw it, before interpretation. Cells keep their
 * mapping to the source. `names` holds one cell, or two when the row names a parent and a
 * sub-indicator (`每千人口拥有医护人员数` / `注册护士数（人）`); an empty first name inherits the parent.
 */
export type RawRow = {
  group: MappedText | null;
  seq: MappedText | null;
  names: MappedText[];
  /** Cells of the columns after the name, keyed by column index. */
  values: Map<number, MappedText>;
  start: number;
  end: number;
};

/** What a layout reader returns: the columns, the rows, notes, caption and the lines it consumed. */
export type RawTable = {
  caption: MappedText | null;
  columns: Column[];
  rows: RawRow[];
  notes: MappedText[];
  startLine: number;
  /** First line after the table. */
  endLine: number;
};

/** Cell texts that mean "no value" in a table. */
export const EMPTY_CELL = /^[\s\u3000]*([—–\-－/／]+)?[\s\u3000]*$/;

/** Cells that read as values rather than names (numbers, dashes, comparators, target phrases). */
const VALUE_LIKE =
  /^([\d.—–\-－＞＜≥≤><~～[［【〔(（*∗]|完成|与|高于|低于|不低于|不高于|稳|达到|保持|持续|基本|提高|下降|降低|左右|以上)/;

export function looksLikeValue(text: string): boolean {
  return VALUE_LIKE.test(text.trim());
}

/** A cell that continues the one before it when a reader has more cells than columns. */
export function isContinuation(text: string): boolean {
  return /^[\s\u3000]*([（(〔【[]|左右|以上|以下|提高|降低|目标|预计|同步|累计)/.test(text);
}

/**
 * Merges neighbouring cells until there are `count` of them, joining first where the second cell
 * is plainly a continuation (`（2024年）`, `左右`, `提高`); never joins into an empty `—` cell.
 */
export function fitCells<T>(
  cells: T[],
  count: number,
  textOf: (cell: T) => string,
  merge: (a: T, b: T) => T,
): T[] {
  const out = [...cells];
  while (out.length > count && out.length > 1) {
    let best = -1;
    let bestScore = -1;
    for (let i = 1; i < out.length; i++) {
      const a = textOf(out[i - 1] as T);
      const b = textOf(out[i] as T);
      if (EMPTY_CELL.test(a) || EMPTY_CELL.test(b)) continue;
      const score = isContinuation(b) ? 2 : /[\u4e00-\u9fff]$/.test(a) && /^[\u4e00-\u9fff]/.test(b) ? 1 : 0;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) break;
    out.splice(best - 1, 2, merge(out[best - 1] as T, out[best] as T));
  }
  return out;
}

const ATTRIBUTE_CELL = /^(预期性|约束性)$/;

/** A cell cut short: it ends with a slash (`人/` + `亿元`) or leaves a bracket open (`（PM` + `2.5` + `）`). */
function isCutShort(text: string): boolean {
  const open = (text.match(/[（(［[【〔]/g) ?? []).length;
  const close = (text.match(/[）)］\]】〕]/g) ?? []).length;
  return /[/／]$/.test(text.trim()) || open > close;
}

/**
 * Places the cells of one row, read after its number, into the name and the columns after it.
 * Cells cut short are joined to the next first. Cells that say which column they belong to (an
 * attribute `预期性`, a unit `万元/人`) anchor their columns wherever those stand in the header; the
 * cells between anchors are fitted to the columns between them, the name taking the cells before
 * the first value (one, or two for a parent and a sub-indicator or a wrapped name).
 */
export function assignRowCells<T>(
  cells: readonly T[],
  columns: readonly Column[],
  valueColumns: readonly number[],
  textOf: (cell: T) => string,
  merge: (a: T, b: T) => T,
): { names: T[]; values: Map<number, T> } {
  const joined: T[] = [];
  for (const cell of cells) {
    const last = joined[joined.length - 1];
    if (last !== undefined && isCutShort(textOf(last))) joined[joined.length - 1] = merge(last, cell);
    else joined.push(cell);
  }
  // Anchors: [position among value columns, cell index]. The name stands before value column 0.
  const anchors: [number, number][] = [];
  let fromCell = 1;
  valueColumns.forEach((column, k) => {
    const role = columns[column]?.role;
    const test = role === 'attribute' ? ATTRIBUTE_CELL : role === 'unit' ? null : undefined;
    if (test === undefined) return;
    const previous = anchors[anchors.length - 1];
    const minCell = Math.max(fromCell, previous ? previous[1] + 1 + (k - previous[0] - 1) : k + 1);
    for (let j = minCell; j < joined.length; j++) {
      const text = textOf(joined[j] as T).trim();
      if (test ? test.test(text) : isUnit(text)) {
        anchors.push([k, j]);
        fromCell = j + 1;
        return;
      }
    }
  });
  const values = new Map<number, T>();
  let names: T[] = [];
  const bounds: [number, number][] = [[-1, 0], ...anchors];
  bounds.forEach(([k, j], b) => {
    const next = bounds[b + 1];
    const segmentColumns = valueColumns.slice(k + 1, next ? next[0] : valueColumns.length);
    const segment = joined.slice(k < 0 ? 0 : j + 1, next ? next[1] : joined.length);
    if (k >= 0) values.set(valueColumns[k] as number, joined[j] as T);
    let rest = segment;
    if (k < 0 && segmentColumns.length === 0) {
      names = segment;
      rest = [];
    } else if (k < 0) {
      let nameCount = 0;
      while (nameCount < Math.min(2, segment.length - 1) && !looksLikeValue(textOf(segment[nameCount] as T)))
        nameCount++;
      nameCount = Math.max(1, Math.min(nameCount, segment.length - segmentColumns.length));
      names = segment.slice(0, nameCount);
      rest = segment.slice(nameCount);
    }
    const fitted = fitCells(rest, segmentColumns.length, textOf, merge);
    segmentColumns.forEach((column, c) => {
      const cell = fitted[c];
      if (cell !== undefined) values.set(column, cell);
    });
  });
  return { names, values };
}
