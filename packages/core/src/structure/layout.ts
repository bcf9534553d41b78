import type { PreparedLine } from './prepared-line.js';

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
const MARKDOWN_HEADING = /^(\*\*第|#{1,6}\s)/;

/** Detects the layout from the whole text (for Word markers) and its prepared lines. */
export function detectLayout(text: string, lines: readonly PreparedLine[]): Layout {
  // Bookmarks come only from Word; note markers and tab-indented cells also from a PDF's tables
  // and footnotes, so those say Word only when the lines are not hard-wrapped at a column width.
  if (text.includes('[bookmark:')) return 'word-text';
  let footers = 0;
  let tabCells = 0;
  let markdownHeadings = 0;
  const widths = new Map<number, number>();
  let textLines = 0;
  for (const line of lines) {
    if (line.text.text.startsWith('\t')) tabCells++;
    const first = line.trimmed.charCodeAt(0);
    // Only lines starting with a dash, `*` or `#` can be footers or markdown headings.
    if (first === 0x2014 || first === 0x2013 || first === 0x2d)
      footers += PAGE_FOOTER.test(line.trimmed) ? 1 : 0;
    else if (first === 0x2a || first === 0x23)
      markdownHeadings += MARKDOWN_HEADING.test(line.trimmed) ? 1 : 0;
    if (line.width >= 24) {
      textLines++;
      widths.set(line.width, (widths.get(line.width) ?? 0) + 1);
    }
  }
  if (markdownHeadings >= 2) return 'markdown';
  // Page footers alone are not enough: web copies of a PDF keep a stray `— 1 —`.
  const share = textLines > 20 ? atColumnWidth(widths) / textLines : 0;
  if (share > WRAPPED_SHARE || (footers >= 5 && share > WRAPPED_SHARE / 2)) return 'pdf-text';
  if (tabCells >= 8 || text.includes('[footnoteRef:')) return 'word-text';
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
