import { MappedText } from '../text/mapped-text.js';
import type { PreparedLine } from './prepared-line.js';

/** Width as laid out on the page: CJK characters (and everything above U+2E80) are twice as wide as Latin ones. */
export function displayWidth(text: string): number {
  let width = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) width++;
  return width;
}

/** The usual full-line width of a PDF's body text (the 80th percentile of line widths). */
export function typicalWidth(lines: readonly PreparedLine[]): number {
  const widths = lines
    .map((l) => displayWidth(l.trimmed))
    .filter((w) => w >= 20)
    .sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.8)] ?? 60;
}

/** Spaces that PDF extraction puts next to Chinese characters (`到 2030 年`). */
const SPACE_BY_CJK =
  /(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’])[ \u3000]+|[ \u3000]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’])/g;

/**
 * Joins lines hard-wrapped by PDF extraction into one paragraph, and drops the spaces that
 * extraction puts between Chinese and numbers (`到 2030 年` → `到2030年`); offsets still map back.
 */
export function joinPdfLines(parts: readonly MappedText[]): MappedText {
  return MappedText.concat(parts).remove(SPACE_BY_CJK);
}
