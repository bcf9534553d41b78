import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from './format.error.js';
import type { FormatErrorCode } from './format.error.js';
import { readPdf } from './pdf.reader.js';

/** Noto Sans CJK from Debian's fonts-noto-cjk package. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FAMILY = 'NotoSansCJKsc-Regular';

async function buildPdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => {
    doc.on('end', () => {
      resolve();
    });
  });
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A hand-written PDF showing 规划纲要 in a non-embedded CID font through the predefined UniGB-UCS2-H
 * CMap and without a ToUnicode map: readable only when pdf.js finds its bundled CMaps.
 */
function predefinedCMapPdf(): Uint8Array {
  const hex = Array.from({ length: 4 }, (_, i) =>
    '规划纲要'.charCodeAt(i).toString(16).padStart(4, '0'),
  ).join('');
  const content = `BT /F1 24 Tf 72 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function rejection(promise: Promise<unknown>, code: FormatErrorCode): Promise<FormatError> {
  const error: unknown = await promise.then(
    () => new Error('expected a FormatError'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof FormatError)) throw error;
  expect(error.code).toBe(code);
  return error;
}

beforeAll(() => {
  if (!existsSync(CJK_FONT)) throw new Error(`${CJK_FONT} is missing: apt-get install -y fonts-noto-cjk`);
});

describe('readPdf', () => {
  it('extracts Chinese text line by line, across pages', async () => {
    const pdf = await buildPdf((doc) => {
      doc.font(CJK_FONT, CJK_FAMILY);
      doc.fontSize(16).text('第一章 发展基础', 72, 72, { lineBreak: false });
      doc.fontSize(12).text('坚持创新驱动，', 72, 120, { lineBreak: false });
      doc.fontSize(12).text('规划实施。', 156, 120, { lineBreak: false });
      // A superscript note mark: 2/3 of the size, baseline raised by 1/3 of the line's font size.
      doc.fontSize(8).text('1', 216, 120.5, { lineBreak: false });
      doc.fontSize(12).text('GDP 年均增长 5.5%', 72, 150, { lineBreak: false });
      doc.addPage();
      doc.font(CJK_FONT, CJK_FAMILY).fontSize(12).text('第二页 附件', 72, 72, { lineBreak: false });
    });
    expect(await readPdf(pdf)).toBe(
      ['第一章 发展基础', '坚持创新驱动，规划实施。1', 'GDP 年均增长 5.5%', '第二页 附件', ''].join('\n'),
    );
  });

  it('reads CJK text set in a predefined CMap (needs the bundled cmaps)', async () => {
    expect(await readPdf(predefinedCMapPdf())).toBe('规划纲要\n');
  });

  it('reports a PDF without a text layer as no-text', async () => {
    const pdf = await buildPdf((doc) => {
      doc.rect(100, 100, 200, 100).fill('#888888');
    });
    const error = await rejection(readPdf(pdf), 'no-text');
    expect(error.messages.zh).toContain('扫描件');
  });

  it('reports damaged PDFs as corrupt', async () => {
    const pdf = await buildPdf((doc) => {
      doc.font(CJK_FONT, CJK_FAMILY).text('规划', 72, 72);
    });
    await rejection(readPdf(pdf.slice(0, Math.floor(pdf.length / 2))), 'corrupt');
    await rejection(readPdf(new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(500)}`)), 'corrupt');
    await rejection(readPdf(new TextEncoder().encode('not a pdf at all')), 'corrupt');
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const pdf = await buildPdf((doc) => doc.text('secret', 72, 72), {
      userPassword: 'pw',
      ownerPassword: 'owner',
    });
    const error = await rejection(readPdf(pdf), 'encrypted');
    expect(error.messages.en).toContain('password');
  });

  it('enforces the size limits', async () => {
    const pdf = await buildPdf((doc) => doc.text('Plan', 72, 72));
    await rejection(readPdf(pdf, { maxFileBytes: 100 }), 'too-large');
    await rejection(readPdf(new Uint8Array(0)), 'empty');
  });
});
