import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';
import { FormatError } from './format.error.js';
import { readPdf } from './pdf.reader.js';
import { decodeText } from './text.decoder.js';

/** Longest a single read of a small mutated file may take. */
const TIME_BOUND_MS = 2000;

let docx: Uint8Array;
let pdf: Uint8Array;

beforeAll(async () => {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph('脚注')] } },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('第一章 总体要求'), new FootnoteReferenceRun(1)] }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('类别')], rowSpan: 2 }),
                  new TableCell({ children: [new Paragraph('指标')], columnSpan: 2 }),
                ],
              }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('1')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  docx = new Uint8Array(await Packer.toBuffer(document));
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => {
    doc.on('end', () => {
      resolve();
    });
  });
  doc.text('Plan outline', 72, 72);
  doc.end();
  await done;
  pdf = new Uint8Array(Buffer.concat(chunks));
});

/** Runs `read` and requires text or a FormatError within the time bound. */
async function textOrFormatError(read: () => unknown): Promise<void> {
  const started = performance.now();
  try {
    const result = await read();
    expect(typeof result === 'string' || (typeof result === 'object' && result !== null)).toBe(true);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
}

const byteMutations = fc.record({
  writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
  truncateTo: fc.option(fc.nat(), { nil: undefined }),
});

type Mutation = { writes: [number, number][]; truncateTo: number | undefined };

function mutate(bytes: Uint8Array, { writes, truncateTo }: Mutation): Uint8Array {
  const copy = bytes.slice();
  for (const [position, value] of writes) copy[position % copy.length] = value;
  return truncateTo === undefined ? copy : copy.slice(0, truncateTo % (copy.length + 1));
}

describe('readers never throw anything but FormatError', () => {
  it('readDocx on byte mutations of a valid .docx', async () => {
    await fc.assert(
      fc.asyncProperty(byteMutations, (mutation) =>
        textOrFormatError(() => readDocx(mutate(docx, mutation))),
      ),
      { numRuns: 200 },
    );
  });

  it('readDocx on mutations of document.xml inside a valid zip', async () => {
    const files = unzipSync(docx);
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array(0));
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 8 }),
      fc.constantFrom('', '<', '>', '/', '&', '"', '<w:p>', '</w:tc>', 'x'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = xml;
        for (const [at, remove, insert] of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        const zip = zipSync({ ...files, 'word/document.xml': strToU8(text) });
        return textOrFormatError(() => readDocx(zip));
      }),
      { numRuns: 200 },
    );
  });

  it('decodeText on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), (bytes) =>
        textOrFormatError(() => decodeText(bytes)),
      ),
      { numRuns: 300 },
    );
  });

  it('readPdf on byte mutations of a valid PDF', async () => {
    await fc.assert(
      fc.asyncProperty(byteMutations, (mutation) => textOrFormatError(() => readPdf(mutate(pdf, mutation)))),
      { numRuns: 60 },
    );
  });
});
