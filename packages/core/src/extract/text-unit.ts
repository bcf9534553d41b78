import type { SourceSpan } from '../model/plan-model.schema.js';

/**
 * One paragraph (or footnote body) of running text handed to the extractors (commitments,
 * assignments, phases, gazetteer). `text` is the cleaned paragraph (markers removed, lines joined);
 * `span(start, end)` maps offsets in `text` back to the exact span of the source document.
 */
export type TextUnit = {
  nodeId: string;
  text: string;
  leadPhrase: string | null;
  span: (start: number, end: number) => SourceSpan;
};
