/** A run of text placed on a PDF page: baseline origin (x, y; y grows upwards), advance width, font size. */
export type PlacedText = { text: string; x: number; y: number; width: number; size: number };

/** One text line of a page: its runs left to right, the baseline and size of its largest run. */
export type PlacedLine = {
  items: PlacedText[];
  /** Baseline of the line's largest run (superscript note marks sit above it). */
  y: number;
  /** Font size of the line's largest run. */
  size: number;
  /** Page number, from 1. */
  page: number;
  /** Text written after the line (note bodies in the Word-export layout). */
  suffix: string;
};

/** Items on one line may differ in baseline by less than this share of the larger font size. */
const SAME_LINE_RATIO = 0.5;
/** A horizontal gap wider than this share of the font size separates words (Latin text). */
const WORD_GAP_RATIO = 0.25;
/** Between two CJK characters, only a gap wider than this share (e.g. a table column) adds a space. */
const CJK_GAP_RATIO = 1;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** True for Chinese characters and full-width punctuation. */
export function isCjk(character: string): boolean {
  return CJK.test(character);
}

/**
 * Groups the text runs of one page into lines, top to bottom: runs whose baselines differ by less
 * than half the font height form one line (so superscript note marks stay on their line), sorted by
 * x. Runs without text or with unusable coordinates are dropped.
 */
export function groupPlacedLines(items: readonly PlacedText[], page = 1): PlacedLine[] {
  const sorted = items
    .filter((item) => item.text !== '' && Number.isFinite(item.x) && Number.isFinite(item.y))
    .map((item) => ({ ...item, size: Number.isFinite(item.size) && item.size > 0 ? item.size : 1 }))
    .sort((a, b) => b.y - a.y || a.x - b.x);

  const groups: PlacedText[][] = [];
  let current: PlacedText[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const item of sorted) {
    if (current.length > 0 && Math.abs(item.y - lineY) < SAME_LINE_RATIO * Math.max(lineSize, item.size)) {
      current.push(item);
      lineSize = Math.max(lineSize, item.size);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    lineY = item.y;
    lineSize = item.size;
  }
  if (current.length > 0) groups.push(current);

  return groups.map((group) => {
    const runs = [...group].sort((a, b) => a.x - b.x);
    const main = runs.reduce((best, run) => (run.size > best.size ? run : best));
    return { items: runs, y: main.y, size: main.size, page, suffix: '' };
  });
}

/**
 * Groups the text runs of one page into lines of text, top to bottom (see {@link groupPlacedLines}).
 * A space is inserted where the horizontal gap between two runs is wide enough to be a word
 * boundary; CJK text needs a much wider gap, since Chinese is written without spaces. Empty lines
 * are dropped and each line is trimmed at its end.
 */
export function groupTextLines(items: readonly PlacedText[]): string[] {
  return groupPlacedLines(items)
    .map((line) => joinRuns(line.items).trimEnd())
    .filter((line) => line.trim() !== '');
}

/** The text of runs sorted by x, with a space wherever the gap between two runs separates words. */
export function joinRuns(runs: readonly PlacedText[]): string {
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

/**
 * Drops the white space that typesetting puts next to Chinese characters (`11 以上` → `11以上`,
 * `单位 GDP` → `单位GDP`): Chinese is written without spaces, so a space beside a CJK character is
 * spacing, not text. Spaces between Latin words stay.
 */
export function collapseCjkSpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ (?=[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’])/g, '')
    .replace(/(?<=[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’]) /g, '')
    .trim();
}
