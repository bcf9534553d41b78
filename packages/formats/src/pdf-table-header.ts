import type { PlacedLine } from './pdf-lines.js';

/** At most this many lines above a table's first line of three cells can still be its header. */
const MAX_HEADER_LINES_ABOVE = 3;

/** A cell fragment's text and horizontal extent, and a column's extent. */
type Fragment = { text: string; x: number; right: number; size: number };
type Column = { left: number; right: number };
/** How many columns a fragment overlaps. */
function spanned(columns: readonly Column[], f: Fragment): number {
  return columns.filter((column) => f.x < column.right && f.right > column.left).length;
}

/** A table caption (`表1 …`, `附表 2`), which stands above a table but is not one of its cells. */
const CAPTION = /^(?:附\s*)?表\s*[0-9０-９一二三四五六七八九十]/;

/**
 * The first line of a table's header, which may stand above the table's first line of three cells:
 * a header cell spanning two sub-columns (`“十五五”目标` over `2030年` and `年均`), or the first line
 * of a wrapped header cell (`序` of `序号`), each alone on its line when the header's cells are
 * vertically centred. Such a line is close above and its cells lie within the table's columns,
 * none reaching left of the first one's text (a caption or body text starts at the page margin,
 * which the cells' padding keeps the table's text off) nor over the first column and the next.
 */
export function headerTop(table: {
  /** The document's lines and their cell fragments. */
  lines: readonly PlacedLine[];
  fragments: readonly (readonly Fragment[])[];
  /** The table's first line of three or more cells, and the first line it may reach up to. */
  start: number;
  floor: number;
  columns: readonly Column[];
  /** True when `line` may continue a table whose previous line is `previous`. */
  follows: (previous: PlacedLine, line: PlacedLine) => boolean;
}): number {
  const { lines, fragments, start, floor, columns, follows } = table;
  const left = columns[0]?.left ?? 0;
  const right = columns[columns.length - 1]?.right ?? 0;
  let top = start;
  while (top - 1 >= floor && start - top < MAX_HEADER_LINES_ABOVE) {
    const line = fragments[top - 1] ?? [];
    const previous = lines[top - 1] as PlacedLine;
    if (line.length === 0 || previous.page !== lines[top]?.page) break;
    if (!follows(previous, lines[top] as PlacedLine)) break;
    const inside = line.every(
      (f) =>
        f.x >= left - 0.25 * f.size &&
        f.right <= right + f.size &&
        spanned(columns, f) > 0 &&
        // A cell spanning columns heads sub-columns of values; text reaching over the first column
        // and the next is a caption or body text.
        !(spanned(columns, f) > 1 && f.x < (columns[0]?.right ?? 0)) &&
        !CAPTION.test(f.text.trim()),
    );
    if (!inside) break;
    top--;
  }
  return top;
}
