import { describe, expect, it } from 'vitest';
import { FormatError } from './format.error.js';
import { decodeText } from './text.decoder.js';

const SAMPLE = '第一章 总体要求\n地区生产总值年均增长5.5%，研发投入强度达到3.8%。\n';

function utf16(text: string, byteOrder: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (byteOrder === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (byteOrder === 'le') bytes.push(unit & 0xff, unit >> 8);
    else bytes.push(unit >> 8, unit & 0xff);
  }
  return Uint8Array.from(bytes);
}

/** GBK bytes of a few characters, written out by hand (GB18030 is a superset of GBK). */
const GBK: Record<string, [number, number]> = {
  规: [0xb9, 0xe6],
  划: [0xbb, 0xae],
  纲: [0xb8, 0xd9],
  要: [0xd2, 0xaa],
  发: [0xb7, 0xa2],
  展: [0xd5, 0xb9],
  '，': [0xa3, 0xac],
  '。': [0xa1, 0xa3],
};

function gbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const pair = GBK[char];
    if (pair) bytes.push(...pair);
    else if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else throw new Error(`no GBK bytes for ${char}`);
  }
  return Uint8Array.from(bytes);
}

function binaryError(bytes: Uint8Array): FormatError {
  try {
    decodeText(bytes);
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

describe('decodeText', () => {
  it('decodes UTF-8, stripping a BOM', () => {
    const utf8 = new TextEncoder().encode(SAMPLE);
    expect(decodeText(utf8)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeText(withBom)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(utf16(SAMPLE, 'le', true))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(utf16(SAMPLE, 'be', true))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('detects UTF-16 LE and BE without a BOM from the NUL bytes of ASCII characters', () => {
    expect(decodeText(utf16(SAMPLE, 'le', false))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(utf16(SAMPLE, 'be', false))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK-encoded text', () => {
    const text = '规划纲要，发展规划。\n2030\n';
    const bytes = gbk(text);
    expect([...bytes.slice(0, 4)]).toEqual([0xb9, 0xe6, 0xbb, 0xae]);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'gb18030' });
  });

  it('returns empty text for no bytes and for a lone BOM', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf]))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('tolerates a single stray control character', () => {
    expect(decodeText(new TextEncoder().encode(`${SAMPLE}\u0000`)).encoding).toBe('utf-8');
  });

  it('rejects binary data as binary', () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 2048 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed >> 16;
    });
    expect(binaryError(random).code).toBe('binary');
    const controls = Uint8Array.from({ length: 512 }, (_, i) => (i % 8 === 0 ? 0x01 : 0x41));
    expect(binaryError(controls).code).toBe('binary');
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(binaryError(png).code).toBe('binary');
    const shorts = new Uint8Array(
      new Uint16Array(Array.from({ length: 500 }, (_, i) => (i * 7919) % 0xd000)).buffer,
    );
    expect(binaryError(shorts).code).toBe('binary');
  });

  it('rejects invalid UTF-16 after a BOM as binary', () => {
    expect(binaryError(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])).code).toBe('binary');
  });
});
