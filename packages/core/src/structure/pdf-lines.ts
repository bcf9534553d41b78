import { MappedText } from '../text/mapped-text.js';
import type { PreparedLine } from './prepared-line.js';

/** Width as laid out on the page: CJK characters (and everything above U+2E80) are twice as wide as Latin ones. */
export function displayWidth(text: string): number {
  let width = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) width++;
  return width;
}

/** The usual full-line width of a PDF's body text (the 80th percentile of widths of 20 and more). */
export function typicalWidth(lines: readonly PreparedLine[]): number {
  const counts: number[] = [];
  let total = 0;
  for (const { width } of lines) {
    if (width < 20) continue;
    const bucket = Math.min(width, 400);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
    total++;
  }
  let seen = 0;
  for (let width = 20; width < counts.length; width++) {
    seen += counts[width] ?? 0;
    if (seen > total * 0.8) return width;
  }
  return 60;
}

const SPACES = /[ \u3000]+/g;

/** Chinese characters and full-width punctuation (and the curly quotes used with them). */
function isWide(code: number): boolean {
  return code >= 0x2e80 || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019;
}

/**
 * Joins lines hard-wrapped by PDF extraction into one paragraph, and drops the spaces that
 * extraction puts next to Chinese characters (`到 2030 年` → `到2030年`); offsets still map back.
 */
export function joinPdfLines(parts: readonly MappedText[]): MappedText {
  const joined = MappedText.concat(parts);
  const text = joined.text;
  return joined.removeWhere(
    SPACES,
    (start, end) => isWide(text.charCodeAt(start - 1)) || isWide(text.charCodeAt(end)),
  );
}
