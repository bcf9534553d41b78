import { attachFootnotes } from './pdf-footnotes.js';
import { groupPlacedLines, joinRuns } from './pdf-lines.js';
import type { PlacedText } from './pdf-lines.js';
import { findPdfTables, tableLayout } from './pdf-table.js';

/**
 * Lays out the text runs of a PDF's pages as text for the core parser: one line per text line, page
 * after page; footnotes taken off the foot of their page and written in the Word-export layout
 * (`[footnoteRef:N]` in the text, ` [N:  …]` after the line); tables rebuilt from the positions of
 * their cells and written as tab-indented cells, one row after another (see {@link findPdfTables}).
 */
export function layoutPdfPages(pages: readonly (readonly PlacedText[])[]): string[] {
  const counter = { next: 0 };
  const lines = pages.flatMap((items, index) => attachFootnotes(groupPlacedLines(items, index + 1), counter));
  const tables = findPdfTables(lines);
  const out: string[] = [];
  let next = 0;
  for (let i = 0; i < lines.length;) {
    const table = tables[next];
    if (table?.start === i) {
      out.push(...tableLayout(table.rows));
      i = table.end;
      next++;
      continue;
    }
    const line = lines[i++];
    const text = line ? `${joinRuns(line.items)}${line.suffix}`.trimEnd() : '';
    if (text.trim() !== '') out.push(text);
  }
  return out;
}
