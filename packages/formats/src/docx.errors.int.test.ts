import CFB from 'cfb';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';
import { FormatError } from './format.error.js';
import type { FormatErrorCode } from './format.error.js';
import { readZipDirectory } from './zip.reader.js';

function errorOf(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

function expectCode(run: () => unknown, code: FormatErrorCode): FormatError {
  const error = errorOf(run);
  expect(error.code).toBe(code);
  expect(error.messages.zh).not.toBe('');
  expect(error.messages.en).not.toBe('');
  return error;
}

/** A raw deflate stream (fixed Huffman codes) of `size` spaces: one literal, then length-258 matches. */
function deflatedSpaces(size: number): Uint8Array {
  const bytes: number[] = [];
  let bitBuffer = 0;
  let bitCount = 0;
  const bits = (value: number, count: number): void => {
    for (let i = 0; i < count; i++) {
      bitBuffer |= ((value >> i) & 1) << bitCount++;
      if (bitCount === 8) {
        bytes.push(bitBuffer);
        bitBuffer = 0;
        bitCount = 0;
      }
    }
  };
  const code = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) bits((value >> i) & 1, 1); // Huffman codes go MSB first
  };
  const space = (): void => {
    code(0x30 + 0x20, 8); // literal 0x20
  };
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE = fixed Huffman
  space();
  let written = 1;
  for (; written + 258 <= size; written += 258) {
    code(0b11000101, 8); // length code 285 = 258 bytes
    code(0, 5); // distance code 0 = 1 byte back
  }
  for (; written < size; written++) space();
  code(0, 7); // end of block
  if (bitCount > 0) bytes.push(bitBuffer);
  return new Uint8Array(bytes);
}

/** A one-entry zip whose directory declares `declaredSize` and `crc` for the deflated `data`. */
function zipWithEntry(name: string, data: Uint8Array, declaredSize: number, crc = 0): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const end = new Uint8Array(22);
  const lv = new DataView(local.buffer);
  const cv = new DataView(central.buffer);
  const ev = new DataView(end.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, declaredSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, declaredSize, true);
  cv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const zip = new Uint8Array(local.length + data.length + central.length + end.length);
  zip.set(local, 0);
  zip.set(data, local.length);
  zip.set(central, local.length + data.length);
  zip.set(end, local.length + data.length + central.length);
  return zip;
}

function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  const written: unknown = CFB.write(container, { type: 'array' });
  if (!(written instanceof Uint8Array) && !Array.isArray(written))
    throw new Error('cfb.write returned no bytes');
  return Uint8Array.from(written);
}

let docx: Uint8Array;

beforeAll(async () => {
  const document = new Document({ sections: [{ children: [new Paragraph('第一章 总体要求')] }] });
  docx = new Uint8Array(await Packer.toBuffer(document));
});

describe('readDocx errors', () => {
  it('rejects an empty file and one above maxFileBytes before parsing', () => {
    expectCode(() => readDocx(new Uint8Array(0)), 'empty');
    expectCode(() => readDocx(docx, { maxFileBytes: 1000 }), 'too-large');
  });

  it('reports truncated archives as corrupt', () => {
    for (const length of [10, 100, Math.floor(docx.length / 2), docx.length - 30, docx.length - 1]) {
      expectCode(() => readDocx(docx.slice(0, length)), 'corrupt');
    }
  });

  it('reports random bytes and a damaged entry as corrupt', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expectCode(() => readDocx(random), 'corrupt');
    const entry = readZipDirectory(docx).entries.find((e) => e.name === 'word/document.xml');
    const damaged = docx.slice();
    const dataStart = (entry?.localHeaderOffset ?? 0) + 30 + 'word/document.xml'.length;
    damaged.fill(0x41, dataStart + 20, dataStart + 60); // inside word/document.xml's compressed data
    expectCode(() => readDocx(damaged), 'corrupt');
  });

  it('reports a zip without word/document.xml as corrupt, and an Excel package as unsupported', () => {
    const other = zipSync({ 'notes.txt': strToU8('hello'), 'word/styles.xml': strToU8('<x/>') });
    expect(expectCode(() => readDocx(other), 'corrupt').detail).toContain('word/document.xml');
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    expectCode(() => readDocx(xlsx), 'unsupported');
  });

  it('reports malformed XML in document.xml as corrupt', () => {
    const broken = zipSync({
      'word/document.xml': strToU8('<w:document xmlns:w="urn:x"><w:body><w:p></w:body>'),
    });
    expectCode(() => readDocx(broken), 'corrupt');
  });

  it('refuses a zip bomb whose declared size exceeds the limit', () => {
    const honest = zipWithEntry('word/document.xml', deflatedSpaces(300 * 1024 * 1024), 300 * 1024 * 1024);
    expect(honest.length).toBeLessThan(3 * 1024 * 1024);
    expectCode(() => readDocx(honest), 'too-large');
    const small = zipSync({ 'word/document.xml': new Uint8Array(5 * 1024 * 1024).fill(0x20) });
    expectCode(() => readDocx(small, { maxDecompressedBytes: 1024 * 1024 }), 'too-large');
  });

  it('stops a zip bomb that lies about its size while inflating', () => {
    const liar = zipWithEntry('word/document.xml', deflatedSpaces(300 * 1024 * 1024), 2000);
    const started = performance.now();
    expectCode(() => readDocx(liar), 'too-large');
    expect(performance.now() - started).toBeLessThan(2000);
    // Declared size within the limit, actual size far beyond it: the inflate budget stops it.
    const underLimit = zipWithEntry('word/document.xml', deflatedSpaces(5 * 1024 * 1024), 900 * 1024);
    expectCode(() => readDocx(underLimit, { maxDecompressedBytes: 1024 * 1024 }), 'too-large');
  });

  it('reports a password-protected .docx (OLE with EncryptedPackage) as encrypted', () => {
    const encrypted = compoundFile({
      EncryptionInfo: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
      EncryptedPackage: new Uint8Array(4096).fill(0x5a),
    });
    const error = expectCode(() => readDocx(encrypted), 'encrypted');
    expect(error.messages.zh).toBe('文件已加密（有密码保护），请在 Word 中取消密码后重新上传。');
    expect(error.messages.en).toBe(
      'The document is password-protected; remove the password in Word and upload it again.',
    );
  });

  it('still recognises an encrypted package when the OLE directory is damaged', () => {
    const encrypted = compoundFile({ EncryptedPackage: new Uint8Array(8192).fill(1) });
    const view = new DataView(encrypted.buffer);
    view.setUint32(0x30, 0xfffffff0, true); // first directory sector → out of range
    expectCode(() => readDocx(encrypted), 'encrypted');
  });

  it('reports an old .doc (OLE with WordDocument) as unsupported, asking for .docx', () => {
    const doc = compoundFile({ WordDocument: new Uint8Array(8192).fill(7), '1Table': new Uint8Array(4096) });
    const error = expectCode(() => readDocx(doc), 'unsupported');
    expect(error.messages.zh).toContain('.docx');
    expect(error.messages.en).toContain('.docx');
  });
});
