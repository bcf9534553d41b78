import type { PreparedLine } from '../structure/prepared-line.js';
import { MappedText } from '../text/mapped-text.js';
import { buildColumns, isHeaderCell } from './columns.js';
import { isGroupLike } from './cell-shapes.js';
import { EMPTY_CELL, looksLikeValue, type RawRow, type RawTable } from './raw-table.js';
import { readNotes } from './table-notes.js';

/**
 * Reads a Word-export table: one cell per line starting with a tab, rows separated by blank lines,
 * cell text continued on untabbed lines, merged cells written as empty cells. A row with more cells
 * than the header names a parent and a sub-indicator in the name column. A row with only a label
 * in it is a group row; an empty attribute cell is the lower part of a merged one and takes its text.
 */
export function readTabLayoutTable(
  lines: readonly PreparedLine[],
  headerLine: number,
  periodEnd: number | null,
): Omit<RawTable, 'caption'> {
  const blocks: { cells: MappedText[]; start: number; end: number }[] = [];
  let i = headerLine;
  while (i < lines.length) {
    while (i < lines.length && (lines[i]?.trimmed ?? '') === '' && !lines[i]?.text.text.startsWith('\t')) i++;
    if (i >= lines.length || !lines[i]?.text.text.startsWith('\t')) break;
    const cells: MappedText[] = [];
    const start = i;
    while (i < lines.length && (lines[i]?.text.text.startsWith('\t') || (lines[i]?.trimmed ?? '') !== '')) {
      const line = lines[i] as PreparedLine;
      if (line.text.text.startsWith('\t')) cells.push(line.text.slice(1).trim());
      else if (cells.length > 0)
        cells.push(MappedText.concat([cells.pop() as MappedText, line.text.trim()], '\n'));
      i++;
    }
    blocks.push({ cells, start, end: i });
  }
  const [header, ...body] = blocks;
  // A second header row (cells merged down from the first left empty) adds its sub-columns.
  const second = body[0] && isSecondHeaderRow(body[0].cells) ? body.shift() : undefined;
  const titles = [...(header?.cells ?? []), ...(second?.cells ?? [])]
    .map((c) => c.text)
    .filter((t) => t !== '');
  const columns = buildColumns(titles, periodEnd);
  const nameIndex = columns.findIndex((c) => c.role === 'name');
  const attribute = columns.findIndex((c) => c.role === 'attribute');
  const rows: RawRow[] = [];
  let group: MappedText | null = null;
  for (const block of body) {
    const filled = block.cells.filter((c) => !EMPTY_CELL.test(c.text));
    // A row holding only a label (one cell merged across the table) names the group of the rows after it.
    if (filled.length === 1 && block.cells.length < columns.length && isGroupLike(filled[0]?.text ?? '')) {
      group = filled[0] as MappedText;
      continue;
    }
    const row = toRow(block.cells, columns.length, nameIndex, lines, block);
    row.group = group;
    group = null;
    // A vertically merged attribute cell is written once, in its first row; the rows below share it.
    const above = rows[rows.length - 1]?.values.get(attribute);
    const own = row.values.get(attribute);
    if (attribute >= 0 && above && (!own || own.text.trim() === '')) row.values.set(attribute, above);
    rows.push(row);
  }
  const notes = readNotes(lines, i);
  return { columns, rows, notes: notes.notes, startLine: headerLine, endLine: notes.endLine };
}

function toRow(
  cells: MappedText[],
  columnCount: number,
  nameIndex: number,
  lines: readonly PreparedLine[],
  block: { start: number; end: number },
): RawRow {
  // One cell more than the header, not a value, after the name: a parent and a sub-indicator.
  // Any further surplus is kept as overflow columns after the last header column.
  const nameSplit =
    cells.length > columnCount && nameIndex >= 0 && !looksLikeValue(cells[nameIndex + 1]?.text ?? '');
  const extra = nameSplit ? 1 : 0;
  const values = new Map<number, MappedText>();
  const row: RawRow = {
    group: null,
    seq: null,
    names: [],
    values,
    start: lines[block.start]?.text.sourceRange().start ?? 0,
    end: lines[block.end - 1]?.text.sourceRange().end ?? 0,
  };
  cells.forEach((cell, index) => {
    if (nameIndex >= 0 && index >= nameIndex && index <= nameIndex + extra) {
      row.names.push(cell);
      return;
    }
    const column = nameIndex >= 0 && index > nameIndex ? index - extra : index;
    values.set(column, cell);
  });
  return row;
}

function isSecondHeaderRow(cells: readonly MappedText[]): boolean {
  const filled = cells.filter((c) => c.text.trim() !== '');
  return filled.length > 0 && filled.every((c) => isHeaderCell(c.text));
}
