import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText, type OutlineNode, type PlanModel } from '@plantrack/core';
import { readDocument } from './document.reader.js';
import { writeWordExportDocx } from './docx.writer.js';

/**
 * The sample plan as Word would print it: rebuilt as .docx, printed to PDF by LibreOffice (Debian's
 * libreoffice-writer-nogui), read back and ingested. The PDF must give the same indicator table,
 * footnotes and outline as the .docx it was printed from.
 */
const SAMPLE = fileURLToPath(new URL('../../../examples/wujin-15th-outline.txt', import.meta.url));
/** Starting LibreOffice and laying out 24 pages takes seconds, more on a busy machine. */
const CONVERSION_TIMEOUT_MS = 240_000;

let directory = '';
let fromDocx: PlanModel;
let fromPdf: PlanModel;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plantrack-pdf-'));
  const docxPath = join(directory, 'wujin-15th-outline.docx');
  const docx = await writeWordExportDocx(await readFile(SAMPLE, 'utf8'));
  await writeFile(docxPath, docx);
  const args = [
    `-env:UserInstallation=${pathToFileURL(join(directory, 'profile')).href}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    directory,
    docxPath,
  ];
  await promisify(execFile)('soffice', args, { timeout: CONVERSION_TIMEOUT_MS }).catch((error: unknown) => {
    throw new Error(
      `soffice could not print the sample to PDF (apt-get install -y libreoffice-writer-nogui): ${String(error)}`,
    );
  });
  const pdf = await readDocument(
    new Uint8Array(await readFile(join(directory, 'wujin-15th-outline.pdf'))),
    'x.pdf',
  );
  expect(pdf.format).toBe('pdf');
  fromPdf = ingestText(pdf.text);
  fromDocx = ingestText((await readDocument(docx, 'wujin-15th-outline.docx')).text);
}, CONVERSION_TIMEOUT_MS + 60_000);

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** A value with offsets and line numbers taken out: the PDF's text differs from the .docx's. */
function withoutPositions(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, item: unknown) =>
      key === 'source' || key === 'sources' || key === 'firstSource' ? undefined : item,
    ),
  );
}

function nodes(outline: readonly OutlineNode[]): OutlineNode[] {
  return outline.flatMap((node) => [node, ...nodes(node.children)]);
}

describe('the sample plan printed to PDF', () => {
  it('gives the 27 indicator rows of the .docx, exactly', () => {
    expect(fromPdf.indicators).toHaveLength(27);
    expect(withoutPositions(fromPdf.indicators)).toEqual(withoutPositions(fromDocx.indicators));
    expect(withoutPositions(fromPdf.indicatorTable)).toEqual(withoutPositions(fromDocx.indicatorTable));
  });

  it('gives the 3 footnotes of the .docx on the same nodes', () => {
    const notes = (model: PlanModel): unknown =>
      withoutPositions(nodes(model.outline).flatMap((node) => node.footnotes.map((note) => [node.id, note])));
    expect(nodes(fromPdf.outline).flatMap((node) => node.footnotes)).toHaveLength(3);
    expect(notes(fromPdf)).toEqual(notes(fromDocx));
  });

  it('gives the same outline: 8 parts, 31 chapters, 62 sections, with their titles', () => {
    const headings = (model: PlanModel): string[] =>
      nodes(model.outline)
        .filter((node) => node.kind !== 'item')
        .map((node) => `${node.id} ${node.label} ${node.title}`);
    const count = (kind: string): number =>
      nodes(fromPdf.outline).filter((node) => node.kind === kind).length;
    expect([count('part'), count('chapter'), count('section')]).toEqual([8, 31, 62]);
    expect(headings(fromPdf)).toEqual(headings(fromDocx));
    expect(fromPdf.warnings).toEqual(fromDocx.warnings);
  });
});
