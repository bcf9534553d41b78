import { collapseCjkSpaces, joinRuns } from './pdf-lines.js';
import type { PlacedLine, PlacedText } from './pdf-lines.js';

/** Note marks: a number, a circled number or asterisks. */
const MARK = /^(?:\d{1,3}|[\u2460-\u2473]|\*{1,3})$/;
/** A note mark is set smaller than its line … */
const MARK_SIZE_RATIO = 0.8;
/** … and raised above its baseline by at least this share of the line's size. */
const MARK_RAISE_RATIO = 0.15;

/** Numbers given to notes across the pages of one document, in order of first reference. */
export type NoteCounter = { next: number };

/** True when `item` is a superscript note mark on `line` (smaller, raised, a number or a star). */
export function isNoteMark(item: PlacedText, line: PlacedLine): boolean {
  return (
    MARK.test(item.text.trim()) &&
    item.size <= MARK_SIZE_RATIO * line.size &&
    item.y >= line.y + MARK_RAISE_RATIO * line.size
  );
}

function firstItem(line: PlacedLine): PlacedText | undefined {
  return line.items.find((item) => item.text.trim() !== '');
}

function startsWithMark(line: PlacedLine): boolean {
  const first = firstItem(line);
  return first !== undefined && line.items.length > 1 && isNoteMark(first, line);
}

function refLabels(lines: readonly PlacedLine[]): Set<string> {
  const labels = new Set<string>();
  for (const line of lines)
    for (const item of line.items) if (isNoteMark(item, line)) labels.add(item.text.trim());
  return labels;
}

/**
 * Takes the footnotes off the foot of one page and writes them in the Word-export layout: a note is
 * a line at the foot of the page that starts with a superscript mark (its continuation lines follow
 * it) and whose mark is also set as a superscript in the text above it on the same page. The mark in
 * the text becomes `[footnoteRef:N]`, the note's text ` [N:  …]` after that line; notes are numbered
 * from 0 in order of first reference across the document, as the .docx reader numbers them.
 * Returns the page's lines without the notes. A mark without a note on its page stays as it is.
 */
export function attachFootnotes(lines: readonly PlacedLine[], counter: NoteCounter): PlacedLine[] {
  const starts = lines.flatMap((line, index) => (startsWithMark(line) ? [index] : []));
  const areaStart = starts.find((start) => {
    const refs = refLabels(lines.slice(0, start));
    return starts
      .filter((other) => other >= start)
      .every((other) => refs.has(firstItem(lines[other] as PlacedLine)?.text.trim() ?? ''));
  });
  if (areaStart === undefined) return [...lines];

  const notes = new Map<string, string>();
  const noteStarts = starts.filter((start) => start >= areaStart);
  noteStarts.forEach((start, k) => {
    const end = noteStarts[k + 1] ?? lines.length;
    const noteLines = lines.slice(start, end);
    const label = firstItem(noteLines[0] as PlacedLine)?.text.trim() ?? '';
    const text = noteLines
      .map((line, i) => {
        const items = i === 0 ? line.items.filter((item) => item !== firstItem(line)) : line.items;
        return joinRuns(items);
      })
      .join('\n');
    if (!notes.has(label)) notes.set(label, collapseCjkSpaces(text));
  });

  const numbered = new Map<string, number>();
  return lines.slice(0, areaStart).map((line) => {
    let suffix = line.suffix;
    const items = line.items.map((item) => {
      const label = item.text.trim();
      const body = notes.get(label);
      if (body === undefined || !isNoteMark(item, line)) return item;
      let number = numbered.get(label);
      if (number === undefined) {
        number = counter.next++;
        numbered.set(label, number);
        suffix += ` [${number}:  ${body}]`;
      }
      return { ...item, text: `[footnoteRef:${number}]` };
    });
    return { ...line, items, suffix };
  });
}
