/** A run of text placed on a PDF page: baseline origin (x, y; y grows upwards), advance width, font size. */
export type PlacedText = { text: string; x: number; y: number; width: number; size: number };

/** Items on one line may differ in baseline by less than this share of the larger font size. */
const SAME_LINE_RATIO = 0.5;
/** A horizontal gap wider than this share of the font size separates words (Latin text). */
const WORD_GAP_RATIO = 0.25;
/** Between two CJK characters, only a gap wider than this share (e.g. a table column) adds a space. */
const CJK_GAP_RATIO = 1;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/**
 * Groups the text runs of one page into lines, top to bottom: runs whose baselines differ by less
 * than half the font height form one line (so superscript note marks stay on their line), sorted by
 * x. A space is inserted where the horizontal gap between two runs is wide enough to be a word
 * boundary; CJK text needs a much wider gap, since Chinese is written without spaces. Empty lines
 * are dropped and each line is trimmed at its end.
 */
export function groupTextLines(items: readonly PlacedText[]): string[] {
  const sorted = items
    .filter((item) => item.text !== '' && Number.isFinite(item.x) && Number.isFinite(item.y))
    .map((item) => ({ ...item, size: Number.isFinite(item.size) && item.size > 0 ? item.size : 1 }))
    .sort((a, b) => b.y - a.y || a.x - b.x);

  const lines: PlacedText[][] = [];
  let current: PlacedText[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const item of sorted) {
    if (current.length > 0 && Math.abs(item.y - lineY) < SAME_LINE_RATIO * Math.max(lineSize, item.size)) {
      current.push(item);
      lineSize = Math.max(lineSize, item.size);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [item];
    lineY = item.y;
    lineSize = item.size;
  }
  if (current.length > 0) lines.push(current);

  return lines.map((line) => joinLine(line).trimEnd()).filter((line) => line.trim() !== '');
}

function joinLine(line: PlacedText[]): string {
  const runs = [...line].sort((a, b) => a.x - b.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    if (text !== '' && needsSpace(text, run, end)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + (Number.isFinite(run.width) ? run.width : 0));
  }
  return text;
}

function needsSpace(before: string, run: PlacedText, previousEnd: number): boolean {
  const last = before[before.length - 1] ?? '';
  const first = run.text[0] ?? '';
  if (/\s/.test(last) || /\s/.test(first)) return false;
  const gap = run.x - previousEnd;
  const ratio = CJK.test(last) || CJK.test(first) ? CJK_GAP_RATIO : WORD_GAP_RATIO;
  return gap > ratio * run.size;
}
