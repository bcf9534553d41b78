import { MappedText } from '../text/mapped-text.js';
import type { PreparedLine } from './prepared-line.js';

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

/** Chinese characters and full-width punctuation (and the curly quotes used with them). */
function isWide(code: number): boolean {
  return code >= 0x2e80 || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0x09;
}

/**
 * Joins lines hard-wrapped by PDF extraction into one paragraph, trimming each line and dropping
 * the spaces that extraction puts next to Chinese characters (`到 2030 年` → `到2030年`). Works on
 * source ranges, so the paragraph is built once and every character still maps back.
 */
export function joinPdfLines(lines: readonly PreparedLine[], source: string): MappedText {
  // Kept ranges as flat [start, end, start, end, …] pairs: one array instead of one per range.
  const ranges: number[] = [];
  for (const line of lines) {
    const start = line.text.verbatimStart;
    // Lines that lost markers (a PDF's footnote references) are not one slice of the source.
    if (start === null) return MappedText.concat(lines.map((l) => dropWideSpaces(l.text.trim())));
    let from = start;
    let to = start + line.text.length;
    while (from < to && isSpace(source.charCodeAt(from))) from++;
    while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
    let runStart = from;
    for (let i = from; i < to; i++) {
      if (!isSpace(source.charCodeAt(i))) continue;
      let j = i;
      while (j < to && isSpace(source.charCodeAt(j))) j++;
      if (isWide(source.charCodeAt(i - 1)) || isWide(source.charCodeAt(j))) {
        ranges.push(runStart, i);
        runStart = j;
      }
      i = j - 1;
    }
    ranges.push(runStart, to);
  }
  return MappedText.fromSourceRanges(source, ranges);
}

const SPACES = /[ \u3000\t]+/g;

/** The same rule on a line that is not one slice of the source: spaces next to Chinese go. */
function dropWideSpaces(text: MappedText): MappedText {
  const plain = text.text;
  return text.removeWhere(
    SPACES,
    (start, end) => isWide(plain.charCodeAt(start - 1)) || isWide(plain.charCodeAt(end)),
  );
}
