import type { Footnote } from '../model/plan-model.schema.js';
import type { MappedText } from './mapped-text.js';
import type { SourceText } from './source-text.js';

/** A line with the Word-export markers taken out, and what they said. */
export type CleanLine = {
  text: MappedText;
  /** Footnote ids referenced on this line (`[footnoteRef:2]`), in order. */
  footnoteRefs: readonly string[];
  /** Footnote bodies written on this line (`[2:  “1234567”战略：…]`). */
  footnotes: readonly Footnote[];
};

/** Shared by every line without markers (most lines), so that they allocate nothing here. */
const NONE: readonly never[] = Object.freeze([]);

const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;
const FOOTNOTE_REF = /\[footnoteRef:\s*(\d+)\]/g;
/** A footnote body: `[N:` then text up to the matching `]` (bodies contain no unbalanced brackets). */
const FOOTNOTE_BODY = /\s?\[(\d+):\s*((?:[^[\]]|\[[^[\]]*\])*)\]/g;

/**
 * Removes `[bookmark: …]`, `[footnoteRef:N]` and `[N: body]` markers that Word-to-text export leaves,
 * keeping offsets into the source for every remaining character and for each footnote body.
 */
export function cleanWordMarkers(line: MappedText, source: SourceText): CleanLine {
  if (!line.text.includes('[')) return { text: line, footnoteRefs: NONE, footnotes: NONE };
  const footnotes: Footnote[] = [];
  for (const match of line.text.matchAll(FOOTNOTE_BODY)) {
    const bodyStart = match.index + match[0].indexOf(match[2] ?? '');
    const body = line.slice(bodyStart, bodyStart + (match[2] ?? '').length).trim();
    const range = body.sourceRange();
    footnotes.push({ id: match[1] ?? '', text: body.text, source: source.span(range.start, range.end) });
  }
  const footnoteRefs = [...line.text.matchAll(FOOTNOTE_REF)].map((m) => m[1] ?? '');
  const text = line.remove(FOOTNOTE_BODY).remove(FOOTNOTE_REF).remove(BOOKMARK);
  return { text, footnoteRefs, footnotes };
}
