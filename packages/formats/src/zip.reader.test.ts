import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Crc32 } from './crc32.js';
import { FormatError } from './format.error.js';
import { createInflateBudget, extractZipEntry, findZipEntry, readZipDirectory } from './zip.reader.js';

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing value');
  return value;
}

function crcOf(data: Uint8Array): number {
  const crc = new Crc32();
  crc.update(data);
  return crc.value;
}

/** A zip of stored entries written the zip64 way: saturated 32-bit fields, zip64 extras and end records. */
function storedZip64(files: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = strToU8(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 45, true);
    lv.setUint32(14, crcOf(data), true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length + 28);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(6, 45, true);
    cv.setUint32(16, crcOf(data), true);
    cv.setUint32(20, 0xffffffff, true);
    cv.setUint32(24, 0xffffffff, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint16(30, 28, true);
    cv.setUint32(42, 0xffffffff, true);
    central.set(nameBytes, 46);
    const extra = 46 + nameBytes.length;
    cv.setUint16(extra, 1, true);
    cv.setUint16(extra + 2, 24, true);
    cv.setBigUint64(extra + 4, BigInt(data.length), true); // uncompressed
    cv.setBigUint64(extra + 12, BigInt(data.length), true); // compressed
    cv.setBigUint64(extra + 20, BigInt(offset), true); // local header offset
    parts.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const record = new Uint8Array(56);
  const rv = new DataView(record.buffer);
  rv.setUint32(0, 0x06064b50, true);
  rv.setBigUint64(4, 44n, true);
  rv.setBigUint64(24, BigInt(centrals.length), true);
  rv.setBigUint64(32, BigInt(centrals.length), true);
  rv.setBigUint64(40, BigInt(directorySize), true);
  rv.setBigUint64(48, BigInt(offset), true);
  const locator = new Uint8Array(20);
  const locv = new DataView(locator.buffer);
  locv.setUint32(0, 0x07064b50, true);
  locv.setBigUint64(8, BigInt(offset + directorySize), true);
  locv.setUint32(16, 1, true);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 0xffff, true);
  ev.setUint16(10, 0xffff, true);
  ev.setUint32(12, 0xffffffff, true);
  ev.setUint32(16, 0xffffffff, true);
  const all = [...parts, ...centrals, record, locator, end];
  const zip = new Uint8Array(all.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of all) {
    zip.set(part, at);
    at += part.length;
  }
  return zip;
}

describe('zip reader', () => {
  it('reads deflated and stored entries, finding names case-insensitively', () => {
    const zip = zipSync({
      'word/document.xml': strToU8('<w:document/>'.repeat(50)),
      'Word/Stored.txt': [strToU8('规划'), { level: 0 }],
    });
    const directory = readZipDirectory(zip);
    expect(directory.entries.map((e) => e.name)).toEqual(['word/document.xml', 'Word/Stored.txt']);
    expect(directory.declaredTotalBytes).toBe(13 * 50 + 6);
    const budget = createInflateBudget(10_000);
    const stored = findZipEntry(directory, 'word/stored.TXT');
    expect(stored?.method).toBe(0);
    expect(strFromU8(extractZipEntry(zip, must(stored), budget))).toBe('规划');
    const document = findZipEntry(directory, '/word/document.xml');
    expect(document?.method).toBe(8);
    expect(extractZipEntry(zip, must(document), budget).length).toBe(650);
    expect(budget.remaining).toBe(10_000 - 656);
  });

  it('reads zip64 directories', () => {
    const zip = storedZip64({ 'a.xml': strToU8('<a/>'), 'word/document.xml': strToU8('<w:document/>') });
    const directory = readZipDirectory(zip);
    expect(directory.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.xml', 4],
      ['word/document.xml', 13],
    ]);
    const entry = findZipEntry(directory, 'word/document.xml');
    expect(strFromU8(extractZipEntry(zip, must(entry), createInflateBudget(100)))).toBe('<w:document/>');
  });

  it('detects CRC mismatches and shared-budget overruns', () => {
    const zip = zipSync({ 'a.txt': [strToU8('abcdef'), { level: 0 }], 'b.txt': strToU8('x'.repeat(600)) });
    const directory = readZipDirectory(zip);
    const a = must(directory.entries[0]);
    const b = must(directory.entries[1]);
    const damaged = zip.slice();
    damaged[30 + 'a.txt'.length] = 0x5a; // first stored byte
    expect(() => extractZipEntry(damaged, a, createInflateBudget(1000))).toThrow(/CRC/);
    const budget = createInflateBudget(601);
    extractZipEntry(zip, a, budget);
    const error = (() => {
      try {
        extractZipEntry(zip, b, budget);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).code).toBe('too-large');
  });
});
