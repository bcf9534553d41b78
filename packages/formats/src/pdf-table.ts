import { collapseCjkSpaces, isCjk, joinRuns } from './pdf-lines.js';
import { centredRows } from './pdf-table-bands.js';
import { headerTop } from './pdf-table-header.js';
import type { PlacedLine, PlacedText } from './pdf-lines.js';

/** A gap wider than this share of the font size between two runs of a line separates table cells. */
const CELL_GAP_RATIO = 0.9;
/** A table has at least this many columns (a contents page has two: titles and page numbers). */
const MIN_COLUMNS = 3;
/** Consecutive lines of one table are at most this many font sizes apart (rows, wrapped cells). */
const MAX_LINE_DISTANCE = 2.5;
/** A line that would have fitted this much more of the next line's first word ended a paragraph. */
const WRAP_SLACK_RATIO = 0.5;
/** A value alone in a cell (`3.9`, `＞25`, `5左右`, `12%`): short, never wrapped over lines. */
const VALUE = /^[<>＜＞≤≥~约]?\s*\d[\d.,]*\s*(?:%|％|左右|以上|以下)?$/;
/** A number alone in a cell: the 序号 column, whose numbers start rows. */
const SEQ = /^\d{1,3}[.、．]?$/;

/** The text of one cell on one line, with its horizontal extent. */
type Fragment = {
  text: string;
  x: number;
  right: number;
  size: number;
  firstWidth: number;
  /** Baseline and page of the fragment's line. */
  y: number;
  page: number;
};
type Column = { left: number; right: number };

/**
 * A table rebuilt from text positions: input lines `start` to `end` (exclusive) become `rows`, each a
 * list of cells, each cell its paragraphs. The first row is the header. A row has one more cell than
 * the header where a cell is split into two side by side (a parent indicator and its sub-indicators).
 */
export type PdfTable = { start: number; end: number; rows: string[][][] };

function runRight(run: PlacedText): number {
  return run.x + (Number.isFinite(run.width) ? run.width : 0);
}

/** Width of the first word of a run: one character of Chinese, or the leading Latin word. */
function firstWordWidth(run: PlacedText): number {
  const text = run.text.trimStart();
  if (text === '') return 0;
  const perChar = (Number.isFinite(run.width) ? run.width : 0) / Math.max(run.text.length, 1);
  if (isCjk(text[0] ?? '')) return perChar;
  const word = /^[^\s\u2e80-\u9fff\uff00-\uffef]+/.exec(text)?.[0] ?? text[0] ?? '';
  return perChar * word.length;
}

/** Splits a line into cell fragments where the gap between runs is wider than a cell's padding. */
export function lineFragments(line: PlacedLine): Fragment[] {
  const groups: PlacedText[][] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const run of line.items) {
    if (run.text.trim() === '') continue;
    const last = groups[groups.length - 1];
    if (!last || run.x - end > CELL_GAP_RATIO * line.size) groups.push([run]);
    else last.push(run);
    end = Math.max(end, runRight(run));
  }
  return groups.map((runs) => ({
    text: joinRuns(runs),
    x: runs[0]?.x ?? 0,
    right: Math.max(...runs.map(runRight)),
    size: line.size,
    firstWidth: runs[0] ? firstWordWidth(runs[0]) : 0,
    y: line.y,
    page: line.page,
  }));
}

function overlapping(columns: readonly Column[], fragment: Fragment): number[] {
  return columns.flatMap((column, index) =>
    fragment.x < column.right && fragment.right > column.left ? [index] : [],
  );
}

/**
 * Adds a line's fragments to the columns found so far (each column is the union of the extents of
 * its cells). A line of several cells may join columns that one of its cells spans (a cell split
 * side by side above a full-width one); null when a single fragment spans or misses the columns
 * (a paragraph of body text) or fewer than three columns would be left, which ends the table.
 */
function widenColumns(columns: readonly Column[], fragments: readonly Fragment[]): Column[] | null {
  let next = columns.map((column) => ({ ...column }));
  for (const fragment of fragments) {
    const hits = overlapping(next, fragment);
    if (fragments.length === 1 && hits.length !== 1) return null;
    const joined = hits.map((hit) => next[hit] as Column);
    next = next.filter((_, index) => !hits.includes(index));
    next.push({
      left: Math.min(fragment.x, ...joined.map((c) => c.left)),
      right: Math.max(fragment.right, ...joined.map((c) => c.right)),
    });
    next.sort((a, b) => a.left - b.left);
  }
  for (let i = 1; i < next.length; i++) {
    const previous = next[i - 1] as Column;
    const column = next[i] as Column;
    if (column.left < previous.right) {
      previous.right = Math.max(previous.right, column.right);
      next.splice(i--, 1);
    }
  }
  return columns.length >= MIN_COLUMNS && next.length < MIN_COLUMNS ? null : next;
}

/** True when `line` may continue a table whose previous line is `previous`. */
function follows(previous: PlacedLine, line: PlacedLine): boolean {
  if (previous.page !== line.page) return true; // page breaks: the text-flow order decides
  return previous.y - line.y <= MAX_LINE_DISTANCE * Math.max(previous.size, line.size);
}

/** A page number alone on its line (`12`, `- 12 -`, `— 12 —`, `第12页`). */
const PAGE_NUMBER = /^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-—–－\s]*$/;

function isPageNumber(fragments: readonly Fragment[]): boolean {
  return fragments.length === 1 && PAGE_NUMBER.test(fragments[0]?.text ?? '');
}

function sameText(a: readonly Fragment[], b: readonly Fragment[]): boolean {
  return a.length === b.length && a.every((fragment, k) => fragment.text === b[k]?.text);
}

/**
 * How many lines from `at` are a page turn inside the table starting at `start`: page numbers at the
 * foot of the page and the head of the next one, and the header rows repeated on the new page.
 * 0 where no page ends before `at`'s line (or just after its page numbers).
 */
function pageTurn(
  lines: readonly PlacedLine[],
  fragments: readonly Fragment[][],
  at: number,
  start: number,
): number {
  const page = lines[at - 1]?.page;
  let j = at;
  while (j < lines.length && lines[j]?.page === page && isPageNumber(fragments[j] ?? [])) j++;
  if (j >= lines.length || lines[j]?.page === page) return 0;
  const nextPage = lines[j]?.page;
  while (j < lines.length && lines[j]?.page === nextPage && isPageNumber(fragments[j] ?? [])) j++;
  for (let k = start; k < at && j < lines.length && sameText(fragments[j] ?? [], fragments[k] ?? []); k++)
    j++;
  return j - at;
}

/**
 * Finds the tables of a document from the positions of its text: a table starts at a line of three
 * or more cells (runs separated by wide gaps) and goes on, across page breaks (skipping page numbers
 * and repeated header rows), while each next line is close below and its cells fall into the columns
 * found so far; a line bridging two columns (a paragraph of body text) ends it.
 */
export function findPdfTables(lines: readonly PlacedLine[]): PdfTable[] {
  const tables: PdfTable[] = [];
  const fragments = lines.map(lineFragments);
  let i = 0;
  while (i < lines.length) {
    if ((fragments[i]?.length ?? 0) < MIN_COLUMNS) {
      i++;
      continue;
    }
    let columns = widenColumns([], fragments[i] ?? []) as Column[];
    const kept = [i];
    let end = i + 1;
    while (end < lines.length) {
      const turn = pageTurn(lines, fragments, end, i);
      const next = end + turn;
      if (next >= lines.length) break;
      if (turn === 0 && !follows(lines[end - 1] as PlacedLine, lines[end] as PlacedLine)) break;
      const widened = widenColumns(columns, fragments[next] ?? []);
      if (!widened) break;
      columns = widened;
      kept.push(next);
      end = next + 1;
    }
    if (kept.length >= 2 && columns.length >= MIN_COLUMNS) {
      const floor = tables[tables.length - 1]?.end ?? 0;
      const top = headerTop({ lines, fragments, start: i, floor, columns, follows });
      const above = Array.from({ length: i - top }, (_, k) => top + k);
      const rows = buildRows(
        [...above, ...kept].map((k) => fragments[k] ?? []),
        columns,
      );
      tables.push({ start: top, end, rows });
      i = end;
    } else i++;
  }
  return tables;
}

type Placed = Fragment & { column: number };
type RowLines = Placed[][];

function place(line: readonly Fragment[], columns: readonly Column[]): Placed[] {
  return line.map((fragment) => ({ ...fragment, column: overlapping(columns, fragment)[0] ?? 0 }));
}

/** The 序号 column: at least two cells, and most of them, are numbers alone; -1 when there is none. */
function seqColumn(lines: readonly Placed[][], count: number): number {
  for (let column = 0; column < count; column++) {
    const cells = lines.flatMap((line) => line.filter((f) => f.column === column));
    const numbers = cells.filter((f) => SEQ.test(f.text.trim())).length;
    if (numbers >= 2 && numbers * 2 >= cells.length) return column;
  }
  return -1;
}

/** True when a cell's line `before` ran out of room, so that `after` is the same paragraph wrapped. */
function wrapped(before: Fragment, after: Fragment, right: number): boolean {
  return before.right + after.firstWidth + WRAP_SLACK_RATIO * before.size > right;
}

function startsRow(
  line: readonly Placed[],
  previous: readonly Placed[],
  row: RowLines,
  seq: number,
  rights: readonly number[],
): boolean {
  const inRow = new Set(row.flat().map((f) => f.column));
  if (seq >= 0) {
    if (line.some((f) => f.column === seq && SEQ.test(f.text.trim()))) return true;
    // A sub-row without its own number: a cell already filled above, empty on the line before.
    return line.some(
      (f) => f.column > 0 && inRow.has(f.column) && !previous.some((p) => p.column === f.column),
    );
  }
  return line.some((f) => {
    if (!inRow.has(f.column)) return false;
    const above = previous.filter((p) => p.column === f.column).pop();
    if (!above) return true;
    if (/^[（(]/.test(f.text)) return false; // a bracketed unit or remark continues its cell
    return !wrapped(above, f, rights[f.column] ?? f.right);
  });
}

function buildRows(fragmentLines: readonly Fragment[][], columns: readonly Column[]): string[][][] {
  const lines = fragmentLines.map((line) => place(line, columns));
  const rights = columns.map((c) => c.right);
  const seq = seqColumn(lines, columns.length);
  const splits = subColumnStarts(lines, columns.length);
  const banded = seq >= 0 ? rowsByNearestNumber(lines, seq, columns, splits) : null;
  if (banded) return banded.map((row) => rowCells(row, columns, splits));
  const rows: RowLines[] = [];
  let previous: Placed[] = [];
  for (const line of lines) {
    const row = rows[rows.length - 1];
    if (!row || startsRow(line, previous, row, seq, rights)) rows.push([line]);
    else row.push(line);
    previous = line;
  }
  return rows.map((row) => rowCells(row, columns, splits));
}

/**
 * Rows of a table whose cells are vertically centred (see {@link centredRows}); null when the
 * header has no cell in the 序号 column or no cell starts above its row's number.
 */
function rowsByNearestNumber(
  lines: readonly Placed[][],
  seq: number,
  columns: readonly Column[],
  splits: readonly number[][],
): RowLines[] | null {
  const inSeq = lines.flat().filter((f) => f.column === seq);
  const header = inSeq[0];
  if (!header || SEQ.test(header.text.trim())) return null;
  // The header's 序号 may wrap (`序` / `号`): what stands above the first number is header.
  const numbers = inSeq.slice(inSeq.findIndex((f) => SEQ.test(f.text.trim())));
  // Row numbers count up by one (or start again at 1 in a new group): else the column is not 序号.
  const values = numbers.map((f) => (SEQ.test(f.text.trim()) ? Number.parseInt(f.text, 10) : NaN));
  if (values.some((n, k) => !(n === 1 || n === (k === 0 ? 1 : (values[k - 1] as number) + 1)))) return null;
  const withSub = lines.map((line) =>
    line.map((f) => ({ ...f, sub: subIndex(f, splits[f.column] ?? []), original: f })),
  );
  const rightOf = (f: Placed & { sub: number; original: Placed }): number => {
    const starts = splits[f.column] ?? [];
    return f.sub < starts.length ? (starts[f.sub] as number) : (columns[f.column]?.right ?? f.right);
  };
  const anchors = new Set<Fragment>([header, ...numbers]);
  return centredRows(
    withSub,
    (f) => anchors.has(f.original),
    (above, below) =>
      /^[（(]/.test(below.text) ||
      // Two values one above the other are two rows' values: a value does not wrap.
      (!(VALUE.test(above.text) && VALUE.test(below.text)) && wrapped(above, below, rightOf(above))),
  );
}

/** Where a column holds two cells side by side on one line: the x of each further cell. */
function subColumnStarts(lines: readonly Placed[][], count: number): number[][] {
  const starts: number[][] = Array.from({ length: count }, () => []);
  for (const line of lines) {
    for (let column = 0; column < count; column++) {
      const inColumn = line.filter((f) => f.column === column);
      for (const fragment of inColumn.slice(1)) {
        const known = starts[column] as number[];
        if (!known.some((x) => Math.abs(x - fragment.x) < fragment.size * 0.5)) known.push(fragment.x);
      }
    }
  }
  return starts.map((xs) => xs.sort((a, b) => a - b));
}

function subIndex(fragment: Fragment, starts: readonly number[]): number {
  return starts.filter((x) => fragment.x >= x - fragment.size * 0.5).length;
}

function rowCells(row: RowLines, columns: readonly Column[], splits: readonly number[][]): string[][] {
  const cells: string[][] = [];
  columns.forEach((column, index) => {
    const starts = splits[index] ?? [];
    const lines = row.map((line) => line.filter((f) => f.column === index));
    const split = starts.length > 0 && lines.some((line) => line.some((f) => subIndex(f, starts) > 0));
    if (!split) {
      cells.push(paragraphs(lines, column.right));
      return;
    }
    for (let sub = 0; sub <= starts.length; sub++) {
      const part = lines.map((line) => line.filter((f) => subIndex(f, starts) === sub));
      const right = sub < starts.length ? (starts[sub] as number) : column.right;
      cells.push(paragraphs(part, right));
    }
  });
  return cells;
}

/** A cell's lines as paragraphs: a line joins the one above when that one ran out of room. */
function paragraphs(lines: readonly Fragment[][], right: number): string[] {
  const result: string[] = [];
  let last: Fragment | null = null;
  for (const line of lines) {
    const first = line[0];
    if (!first) continue;
    const text = line.map((f) => f.text).join(' ');
    const lastLine = line[line.length - 1] as Fragment;
    if (last && result.length > 0 && wrapped(last, first, right)) {
      const before = result.pop() as string;
      const space = /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
      result.push(before + space + text);
    } else result.push(text);
    last = lastLine;
  }
  return result.map(collapseCjkSpaces).filter((p) => p !== '');
}

/**
 * Writes tables in the Word-export layout the core table readers take: a blank line, then per row
 * one line per cell starting with a tab (further paragraphs of the cell on untabbed lines, an empty
 * cell as a tab alone), each row closed by a blank line.
 */
export function tableLayout(rows: readonly string[][][]): string[] {
  const out = [''];
  for (const row of rows) {
    for (const cell of row) {
      const [first = '', ...rest] = cell;
      out.push(`\t${first}`, ...rest);
    }
    out.push('');
  }
  return out;
}
