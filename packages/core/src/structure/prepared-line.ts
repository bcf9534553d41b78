import type { Footnote } from '../model/plan-model.schema.js';
import { MappedText } from '../text/mapped-text.js';
import type { SourceText } from '../text/source-text.js';
import { displayWidth } from '../text/width.js';
import { cleanWordMarkers } from '../text/word-markers.js';

/** A source line with Word markers removed; `text` keeps leading tabs (table cells start with one). */
export type PreparedLine = {
  index: number;
  text: MappedText;
  /** `text` without surrounding white space, the form headings and paragraphs are matched on. */
  trimmed: string;
  /** Display width of `trimmed` (CJK counts 2), for finding the column width of PDF text. */
  width: number;
  footnoteRefs: readonly string[];
  footnotes: readonly Footnote[];
};

/** Lines longer than this are cut for matching; the whole line still becomes paragraph text. */
const MAX_MATCH_CHARS = 4000;

export function prepareLines(source: SourceText): PreparedLine[] {
  return Array.from({ length: source.lineCount }, (_, index) => {
    const { start, end } = source.lineRange(index);
    const cleaned = cleanWordMarkers(MappedText.fromSource(source.text.slice(start, end), start), source);
    const trimmed = cleaned.text.text.slice(0, MAX_MATCH_CHARS).trim();
    return {
      index,
      text: cleaned.text,
      trimmed,
      width: displayWidth(trimmed),
      footnoteRefs: cleaned.footnoteRefs,
      footnotes: cleaned.footnotes,
    };
  });
}
