import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';
import { writeWordExportDocx } from './docx.writer.js';

/**
 * Generated documents in the Word-export layout — paragraphs with footnotes, tables — written as
 * real .docx files must read back to exactly the same text: the streaming XML pass and the
 * renderers together lose, add or reorder nothing.
 */

const CHARACTERS = [...'第一章节指标万元亿吨增长（）【】“”、，。：%.1234567890 aZ<>&"\'*'];
const phrase = fc
  .array(fc.constantFrom(...CHARACTERS), { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join('').trim())
  .filter((text) => text !== '');

type Block = { kind: 'paragraph'; text: string; note: string | null } | { kind: 'table'; rows: string[][] };

const paragraph = fc.record({
  kind: fc.constant('paragraph' as const),
  text: phrase,
  note: fc.option(phrase, { nil: null }),
});
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) =>
    fc.record({
      kind: fc.constant('table' as const),
      rows: fc.array(fc.array(phrase, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  );
const documentBlocks = fc.array(
  fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: table }),
  {
    minLength: 1,
    maxLength: 12,
  },
);

/** The layout text of `blocks`, numbering notes from 0 in order, as the reader writes them. */
function layout(blocks: Block[]): string {
  const lines: string[] = [];
  let notes = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (block.note === null) lines.push(block.text);
      else {
        lines.push(`${block.text}[footnoteRef:${notes}] [${notes}:  ${block.note}] `);
        notes++;
      }
    } else {
      lines.push('');
      for (const row of block.rows) lines.push(...row.map((cell) => `\t${cell}`), '');
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('readDocx on generated Word-export documents', () => {
  it('reads back the text each document was written from', async () => {
    await fc.assert(
      fc.asyncProperty(documentBlocks, async (blocks) => {
        const text = layout(blocks);
        expect(readDocx(await writeWordExportDocx(text))).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
});
