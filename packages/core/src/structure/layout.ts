import type { SourceLine } from '../text/source-text.js';
import { displayWidth } from './pdf-lines.js';

/**
 * How the text was produced, which decides how lines become paragraphs and how tables are read:
 * - `word-text`: exported from Word — one paragraph per line, `[bookmark:]` markers, tab-indented table cells;
 * - `pdf-text`: extracted from a PDF — hard line breaks inside sentences, page footers (`— 13 —`);
 * - `markdown`: headings wrapped in `**…**` or `#`;
 * - `web-text`: copied from a web page — one paragraph per line, one table cell per line.
 */
export type Layout = 'word-text' | 'pdf-text' | 'markdown' | 'web-text';

export const PAGE_FOOTER = /^\s*[—–-]{1,2}\s*\d{1,4}\s*[—–-]{1,2}\s*$/;

/** Share of text lines at the page's column width above which the text is hard-wrapped. */
const WRAPPED_SHARE = 0.3;

export function detectLayout(lines: readonly SourceLine[]): Layout {
  let footers = 0;
  let markers = 0;
  let tabCells = 0;
  let markdownHeadings = 0;
  const widths = new Map<number, number>();
  let textLines = 0;
  for (const { raw } of lines) {
    if (PAGE_FOOTER.test(raw)) footers++;
    if (raw.includes('[bookmark:') || raw.includes('[footnoteRef:')) markers++;
    if (raw.startsWith('\t')) tabCells++;
    if (/^\s*(\*\*第|#{1,6}\s)/.test(raw)) markdownHeadings++;
    const width = displayWidth(raw.trim());
    if (width >= 24) {
      textLines++;
      widths.set(width, (widths.get(width) ?? 0) + 1);
    }
  }
  if (markers > 0 || tabCells >= 8) return 'word-text';
  if (markdownHeadings >= 2) return 'markdown';
  // Page footers alone are not enough: web copies of a PDF keep a stray `— 1 —`.
  const share = textLines > 20 ? atColumnWidth(widths) / textLines : 0;
  if (share > WRAPPED_SHARE || (footers >= 5 && share > WRAPPED_SHARE / 2)) return 'pdf-text';
  return 'web-text';
}

/** Lines within two columns of the most common width: hard-wrapped text piles up there. */
function atColumnWidth(widths: Map<number, number>): number {
  let best = 0;
  for (const width of widths.keys()) {
    let near = 0;
    for (let w = width - 2; w <= width + 2; w++) near += widths.get(w) ?? 0;
    best = Math.max(best, near);
  }
  return best;
}
