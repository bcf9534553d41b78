import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestText, type PlanModel } from '@plantrack/core';
import { readDocument } from './document.reader.js';
import { writeWordExportDocx } from './docx.writer.js';

/**
 * Rebuilds the sample plan (a Word export in the canonical layout) as a real .docx — paragraphs,
 * footnotes, the appendix table with its merged cells — and checks that reading it back gives the
 * exactly the same text, apart from the optional `[bookmark: …]` markers.
 */
const SAMPLE = fileURLToPath(new URL('../../../examples/wujin-15th-outline.txt', import.meta.url));
const BOOKMARK = /\[bookmark: [^\]]*\]/g;

/** Bookmarks are optional in the layout (the reader does not emit them); the final newline may differ. */
function normalize(text: string): string {
  return text.replace(BOOKMARK, '').replace(/\n$/, '');
}

describe('readDocument on the sample plan rebuilt as .docx', () => {
  it('gives back the text of examples/wujin-15th-outline.txt', async () => {
    const sample = await readFile(SAMPLE, 'utf8');
    const bytes = await writeWordExportDocx(sample);

    const result = await readDocument(bytes, 'wujin-15th-outline.docx');
    expect(result.format).toBe('docx');
    expect(result.encoding).toBeNull();
    expect(normalize(result.text)).toBe(normalize(sample));
    expect(result.text.match(/\[footnoteRef:\d\]/g)).toHaveLength(3);

    // The .docx ingests to the same plan model as the text; only offsets differ (no bookmarks).
    const fromDocx = withoutPositions(ingestText(result.text));
    const fromText = withoutPositions(ingestText(sample));
    expect(fromDocx).toEqual(fromText);
    expect((fromDocx as { indicators: unknown[] }).indicators).toHaveLength(27);
  });
});

/** The model with offsets, line numbers and document statistics taken out. */
function withoutPositions(model: PlanModel): unknown {
  return JSON.parse(
    JSON.stringify({ ...model, document: null }, (key, value: unknown) =>
      key === 'source' || key === 'sources' || key === 'firstSource' ? undefined : value,
    ),
  );
}
