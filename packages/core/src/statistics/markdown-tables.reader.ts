/** One pipe table of a Markdown document, under the nearest `##` heading. */
export type MarkdownTable = {
  /** Text of the nearest `##` (or deeper) heading above the table, without the hashes. */
  heading: string;
  columns: string[];
  /** 1-based line numbers and cells, trimmed; a short row is padded with empty cells. */
  rows: { line: number; cells: string[] }[];
};

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * Reads the pipe tables of a Markdown text (GitHub style: a header row, a `|---|` row, body rows).
 * Pure; knows nothing of what the tables mean. `\|` inside a cell is kept as `|`.
 */
export function readMarkdownTables(text: string): MarkdownTable[] {
  const lines = text.split(/\r?\n/);
  const tables: MarkdownTable[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h !== null) {
      heading = (h[1] ?? '').trim();
      continue;
    }
    if (!isRow(line) || !SEPARATOR.test(lines[i + 1] ?? '')) continue;
    const columns = cellsOf(line);
    const rows: MarkdownTable['rows'] = [];
    let j = i + 2;
    for (; j < lines.length && isRow(lines[j] ?? ''); j++) {
      const cells = cellsOf(lines[j] ?? '');
      while (cells.length < columns.length) cells.push('');
      rows.push({ line: j + 1, cells });
    }
    tables.push({ heading, columns, rows });
    i = j - 1;
  }
  return tables;
}

function isRow(line: string): boolean {
  return line.trimStart().startsWith('|');
}

function cellsOf(line: string): string[] {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}
