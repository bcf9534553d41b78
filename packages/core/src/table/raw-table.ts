import type { MappedText } from '../text/mapped-text.js';
import type { Column } from './columns.js';

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
