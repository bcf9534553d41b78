import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import CFB from 'cfb';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readDocument } from './document.reader.js';
import { FormatError } from './format.error.js';
import type { FormatErrorCode } from './format.error.js';
import { DEFAULT_LIMITS } from './read-limits.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/wujin-15th-outline.txt', import.meta.url));

async function docxBytes(text: string): Promise<Uint8Array> {
  return new Uint8Array(
    await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] })),
  );
}

async function pdfBytes(text: string): Promise<Uint8Array> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => {
    doc.on('end', () => {
      resolve();
    });
  });
  doc.text(text, 72, 72);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
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

describe('readDocument', () => {
  it('reads the sample plan text file as UTF-8, unchanged', async () => {
    const bytes = new Uint8Array(await readFile(SAMPLE));
    const result = await readDocument(bytes, 'wujin-15th-outline.txt');
    expect(result).toEqual({ text: new TextDecoder().decode(bytes), format: 'text', encoding: 'utf-8' });
  });

  it('sniffs the format from the content, not the file name', async () => {
    const docx = await readDocument(await docxBytes('第一章 总体要求'), 'upload.txt');
    expect(docx).toEqual({ text: '第一章 总体要求\n', format: 'docx', encoding: null });
    const pdf = await readDocument(await pdfBytes('Chapter One'), 'upload.docx');
    expect(pdf).toEqual({ text: 'Chapter One\n', format: 'pdf', encoding: null });
    const utf16 = Uint8Array.from([0xff, 0xfe, 0xc4, 0x89, 0x12, 0x52]); // 规划 in UTF-16LE
    expect(await readDocument(utf16, 'plan')).toEqual({ text: '规划', format: 'text', encoding: 'utf-16le' });
  });

  it('takes %PDF- after leading junk as a PDF only for a .pdf file name', async () => {
    const junk = new TextEncoder().encode('junk\n');
    const pdf = await pdfBytes('Chapter One');
    const shifted = new Uint8Array(junk.length + pdf.length);
    shifted.set(junk);
    shifted.set(pdf, junk.length);
    expect((await readDocument(shifted, 'plan.pdf')).text).toBe('Chapter One\n');
    const quoted = new TextEncoder().encode('说明：PDF 文件以 %PDF- 开头。');
    expect(await readDocument(quoted, 'notes.txt')).toEqual({
      text: '说明：PDF 文件以 %PDF- 开头。',
      format: 'text',
      encoding: 'utf-8',
    });
  });

  it('uses the extension when the content has no signature', async () => {
    const text = new TextEncoder().encode('规划纲要');
    await rejection(readDocument(text, '规划.docx'), 'corrupt');
    await rejection(readDocument(text, '规划.PDF'), 'corrupt');
    await rejection(readDocument(text, '规划.doc'), 'unsupported');
    expect((await readDocument(text, '规划.md')).format).toBe('text');
    expect((await readDocument(text, 'no-extension')).format).toBe('text');
  });

  it('rejects empty and whitespace-only files as empty, oversize files as too-large', async () => {
    await rejection(readDocument(new Uint8Array(0), 'a.txt'), 'empty');
    await rejection(readDocument(new TextEncoder().encode(' \n\t\n'), 'a.txt'), 'empty');
    await rejection(readDocument(await docxBytes(''), 'a.docx'), 'empty');
    const big = new Uint8Array(DEFAULT_LIMITS.maxFileBytes + 1);
    const error = await rejection(readDocument(big, 'big.txt'), 'too-large');
    expect(error.messages.zh).toContain('20 MB');
    await rejection(
      readDocument(new Uint8Array(2048).fill(0x41), 'a.txt', { maxFileBytes: 1024 }),
      'too-large',
    );
  });

  it('classifies binary, RTF and OLE uploads', async () => {
    const binary = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) % 256);
    await rejection(readDocument(binary, 'data.txt'), 'binary');
    await rejection(readDocument(new TextEncoder().encode('{\\rtf1\\ansi 规划}'), 'plan.rtf'), 'unsupported');
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/WordDocument', new Uint8Array(5000));
    const written: unknown = CFB.write(container, { type: 'array' });
    const ole = Uint8Array.from(Array.isArray(written) || written instanceof Uint8Array ? written : []);
    await rejection(readDocument(ole, 'plan.txt'), 'unsupported');
  });
});
