/**
 * Rows of a PDF table whose cells are vertically centred. There a row's number, its one-line cells
 * and the middle of its multi-line cells share one height, so the first line of a wrapped name sits
 * above the line of its number — between two rows' numbers — and reading line by line gives it to
 * the row above. The rule here holds for top-aligned cells as well: a cell's lines (a block) belong
 * to the row whose number is nearest to the block's vertical middle. With top-aligned cells a block
 * of n lines has its middle (n−1)/2 lines below its row's number and at least (n+1)/2 lines above
 * the next row's; with centred cells the middle is at the number's height.
 */

/** A cell fragment on one line, placed in a column (`sub`: which side-by-side part of the column). */
export type BandFragment = {
  text: string;
  y: number;
  page: number;
  size: number;
  column: number;
  sub: number;
};

/** How far apart two lines of one cell may be, in font sizes (a line pitch is about 1.2–1.5). */
const MAX_CELL_LINE_GAP = 2;
/** Lines closer than this many font sizes to a row number's baseline are level with it. */
const ABOVE_ANCHOR_RATIO = 0.5;

/** A cell's lines; `numbered`: the line among them that holds a row number (or 序号), if any. */
type Block<F> = { fragments: F[]; lines: number[]; numbered: number | null };

/**
 * Rows rebuilt by nearest row number, as lines of fragments (each row's fragments grouped by the
 * input line they came from), or null where no cell of several lines starts above its row's number
 * and reaches down to it — then the cells are top-aligned and the line-by-line reading is kept. `lines` are the table's lines, header
 * first; every fragment in the `seq` column (the header's 序号 and each row's number) starts a row;
 * `continues(above, below)` says whether `below` is the next line of the same cell as `above`.
 */
export function centredRows<F extends BandFragment>(
  lines: readonly F[][],
  isAnchor: (fragment: F) => boolean,
  continues: (above: F, below: F) => boolean,
): F[][][] | null {
  const anchors: { fragment: F; line: number }[] = [];
  const blocks: Block<F>[] = [];
  const open = new Map<string, Block<F>>();
  const numberedLines = new Set(lines.flatMap((line, index) => (line.some(isAnchor) ? [index] : [])));
  lines.forEach((line, index) => {
    const numbered = numberedLines.has(index) ? index : null;
    for (const fragment of line) {
      if (isAnchor(fragment)) {
        anchors.push({ fragment, line: index });
        continue;
      }
      const key = `${fragment.column}:${fragment.sub}`;
      const block = open.get(key);
      const last = block?.fragments[block.fragments.length - 1];
      if (
        block &&
        last &&
        last.page === fragment.page &&
        last.y - fragment.y <= MAX_CELL_LINE_GAP * Math.max(last.size, fragment.size) &&
        // One cell is in one row: it never reaches over the lines of two row numbers.
        (numbered === null || block.numbered === null || block.numbered === numbered) &&
        continues(last, fragment)
      ) {
        block.fragments.push(fragment);
        block.lines.push(index);
        block.numbered ??= numbered;
      } else {
        const next = { fragments: [fragment], lines: [index], numbered };
        blocks.push(next);
        open.set(key, next);
      }
    }
  });
  if (anchors.length < 2) return null;

  const rows: { fragment: F; line: number }[][] = anchors.map((anchor) => [anchor]);
  let centred = false;
  for (const block of blocks) {
    const first = block.fragments[0] as F;
    const last = block.fragments[block.fragments.length - 1] as F;
    const middle = (first.y + last.y) / 2;
    let best = -1;
    for (let k = 0; k < anchors.length; k++) {
      const anchor = (anchors[k] as { fragment: F }).fragment;
      if (anchor.page !== first.page) continue;
      const distance = Math.abs(anchor.y - middle);
      const bestAnchor = anchors[best]?.fragment;
      if (!bestAnchor || distance < Math.abs(bestAnchor.y - middle)) best = k;
    }
    if (best < 0) return null; // a cell on a page without row numbers: leave it to the line reading
    const anchor = (anchors[best] as { fragment: F }).fragment;
    // The sign of centred cells: a cell of several lines that starts above its row's number and
    // reaches down to it. (A single line above a number may be a sub-row without its own number.)
    const slack = ABOVE_ANCHOR_RATIO * anchor.size;
    if (best > 0 && first.y - anchor.y > slack && last.y - anchor.y <= slack) centred = true;
    block.fragments.forEach((fragment, k) =>
      (rows[best] as { fragment: F; line: number }[]).push({ fragment, line: block.lines[k] ?? 0 }),
    );
  }
  if (!centred) return null;
  return rows.map((row) => {
    const byLine = new Map<number, F[]>();
    for (const { fragment, line } of [...row].sort((a, b) => a.line - b.line)) {
      byLine.set(line, [...(byLine.get(line) ?? []), fragment]);
    }
    return [...byLine.values()];
  });
}
