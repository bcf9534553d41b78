import { fitsColumn, isAttributeWord, isGroupLike } from './cell-shapes.js';
import type { ColumnRole } from './columns.js';
import { fitCells } from './raw-table.js';

type Role = ColumnRole['role'];

/** One row found in a run of cells: its name cells and, per value column, the cells that fill it. */
export type SegmentRow<C> = { names: C[]; values: C[][] };

/** How cells are read and joined; the reader's cells keep their source lines. */
export type CellOps<C> = { text: (cell: C) => string; join: (a: C, b: C) => C };

/**
 * Splits the cells between one sequence number and the next into the numbered row, sub-indicator
 * rows without a number, and a trailing label for the next row's group. `roles` are the roles of
 * the columns after the name. The numbered row's attribute cell (when the table has that column)
 * marks where its value cells end; cells before it that cannot fill the first value column continue
 * the name. Two name cells are a parent and its first sub-indicator only when another sub-indicator
 * follows; otherwise they are one name wrapped over two lines.
 */
export function parseSegment<C>(
  cells: C[],
  roles: Role[],
  ops: CellOps<C>,
  hasNext: boolean,
): { rows: SegmentRow<C>[]; nextGroup: C[]; used: number } {
  const rows: SegmentRow<C>[] = [];
  let nextGroup: C[] = [];
  let i = 0;
  while (i < cells.length) {
    const rest = cells.slice(i);
    if (rows.length > 0 && rest.every((c) => isGroupLike(ops.text(c)))) {
      if (hasNext) {
        nextGroup = rest;
        i = cells.length;
      }
      break;
    }
    const last = rows[rows.length - 1];
    if (last && fitsColumn(ops.text(rest[0] as C), 'target')) {
      // A value where a sub-indicator's name would be: cells beyond the header's columns.
      last.values.push([rest[0] as C]);
      i++;
      continue;
    }
    const { row, length } = parseRow(rest, roles, ops);
    // A sub-indicator carries at least one value of its own.
    if (rows.length > 0 && !row.values.some((v) => v.length > 0)) break;
    rows.push(row);
    i += length;
  }
  const [first] = rows;
  if (first && first.names.length > 1 && !(first.names.length === 2 && rows.length > 1)) {
    first.names = [first.names.reduce((a, b) => ops.join(a, b))];
  }
  return { rows, nextGroup, used: i };
}

function parseRow<C>(cells: C[], roles: Role[], ops: CellOps<C>): { row: SegmentRow<C>; length: number } {
  const attrPos = roles.indexOf('attribute');
  const attrAt = attrPos >= 0 ? cells.findIndex((c, k) => k > 0 && isAttributeWord(ops.text(c))) : -1;
  const beforeRoles = attrAt >= 0 ? roles.slice(0, attrPos) : roles;
  const limit = attrAt >= 0 ? attrAt : cells.length;
  const names = [cells[0] as C];
  let j = 1;
  while (
    j < limit &&
    names.length < 3 &&
    (!fitsColumn(ops.text(cells[j] as C), beforeRoles[0] ?? 'target') ||
      continuesName(ops.text(names[names.length - 1] as C), ops.text(cells[j] as C))) &&
    limit - (j + 1) >= beforeRoles.length
  ) {
    names.push(cells[j] as C);
    j++;
  }
  const values: C[][] = roles.map(() => []);
  place(cells.slice(j, limit), beforeRoles.length, 0, values, ops);
  let length = limit;
  if (attrAt >= 0) {
    values[attrPos] = [cells[attrAt] as C];
    const afterCount = roles.length - attrPos - 1;
    let k = attrAt + 1;
    // Cells after the attribute fill the columns after it, until a cell that starts something new.
    while (k < cells.length && k - attrAt - 1 < afterCount + 1) {
      const text = ops.text(cells[k] as C);
      if (isAttributeWord(text) || (isGroupLike(text) && !fitsColumn(text, 'target'))) break;
      if (k - attrAt - 1 >= afterCount && !/^[\s\u3000]*[（(【[左以]/.test(text)) break;
      k++;
    }
    place(cells.slice(attrAt + 1, k), afterCount, attrPos + 1, values, ops);
    length = k;
  }
  return { row: { names, values }, length };
}

/**
 * Names end with their unit in brackets; a line ending with one after a name line that does not
 * is the name's end even when it starts like a value (`家庭收入` / `10万—50万元群体比例（%）`).
 */
function continuesName(name: string, cell: string): boolean {
  // Words outside the bracket: `21.5（2024年）` is a value with its year, not a name.
  return UNIT_END.test(cell) && !UNIT_END.test(name) && /[\u4e00-\u9fff]/.test(cell.replace(UNIT_END, ''));
}

const UNIT_END = /[（(][^（）()]{1,8}[）)]$/;

/** Puts `cells` into `count` columns from `offset`: joined where there are too many, in order when fewer. */
function place<C>(cells: C[], count: number, offset: number, values: C[][], ops: CellOps<C>): void {
  if (count === 0) return;
  const fitted = fitCells(
    cells.map((c) => [c]),
    count,
    (group) => group.map(ops.text).join(''),
    (a, b) => [...a, ...b],
  );
  fitted.forEach((group, k) => {
    const target = k < count ? offset + k : offset + count - 1;
    values[target] = [...(values[target] ?? []), ...group];
  });
}
