import type { Paragraph } from '../model/plan-model.schema.js';
import type { MappedText } from '../text/mapped-text.js';
import type { SourceText } from '../text/source-text.js';

/** Lead phrases are short topic clauses; a first sentence longer than this is ordinary text. */
const MAX_LEAD_CHARS = 40;

/**
 * The lead phrase of a paragraph: its first sentence when that sentence is short and more text
 * follows (`深化国资国企改革。由区财政局（国资办）牵头，…` → `深化国资国企改革。`).
 */
export function leadPhraseOf(text: string): string | null {
  const stop = text.indexOf('。');
  if (stop < 1 || stop + 1 >= text.length || stop + 1 > MAX_LEAD_CHARS) return null;
  return text.slice(0, stop + 1);
}

export function toParagraph(text: MappedText, footnoteRefs: string[], source: SourceText): Paragraph {
  const range = text.sourceRange();
  return {
    text: text.text,
    leadPhrase: leadPhraseOf(text.text),
    footnoteRefs,
    source: source.span(range.start, range.end),
  };
}
