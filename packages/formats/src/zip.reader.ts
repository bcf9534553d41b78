import { inflateRawSync } from 'node:zlib';
import { Crc32 } from './crc32.js';
import { formatErrors } from './format-error.catalog.js';
import type { FormatError } from './format.error.js';

/** One file of a zip archive, as listed in its central directory. */
export type ZipEntry = {
  /** Path inside the archive, with `/` separators and no leading slash. */
  name: string;
  flags: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

/** The central directory of a zip archive. */
export type ZipDirectory = {
  entries: ZipEntry[];
  /** Sum of the declared uncompressed sizes of all entries. */
  declaredTotalBytes: number;
};

/** How many more bytes inflating may produce, shared by all entries read from one archive. */
export type InflateBudget = { remaining: number; readonly limit: number };

/** Starts a budget of `limit` decompressed bytes. */
export function createInflateBudget(limit: number): InflateBudget {
  return { remaining: limit, limit };
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

function corrupt(detail: string, cause?: unknown): FormatError {
  return formatErrors.corrupt('docx', { detail, cause });
}

function u16(view: DataView, at: number): number {
  return view.getUint16(at, true);
}

function u32(view: DataView, at: number): number {
  return view.getUint32(at, true);
}

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('zip64 value out of range');
  return Number(value);
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (u32(view, at) === SIG_EOCD && at + 22 + u16(view, at + 20) <= view.byteLength) return at;
  }
  throw corrupt('no zip end-of-central-directory record (truncated or not a zip file)');
}

type DirectoryLocation = { count: number; offset: number; size: number };

function locateDirectory(view: DataView, eocd: number): DirectoryLocation {
  let count = u16(view, eocd + 10);
  let size = u32(view, eocd + 12);
  let offset = u32(view, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(view, locator) !== SIG_ZIP64_LOCATOR) throw corrupt('missing zip64 locator');
    const record = u64(view, locator + 8);
    if (record + 56 > view.byteLength || u32(view, record) !== SIG_ZIP64_EOCD) {
      throw corrupt('bad zip64 end-of-central-directory record');
    }
    count = u64(view, record + 32);
    size = u64(view, record + 40);
    offset = u64(view, record + 48);
  }
  if (offset + size > view.byteLength) throw corrupt('central directory outside the file (truncated)');
  return { count, offset, size };
}

/** Applies the zip64 extended-information extra field (id 1) to sizes/offset saturated at 0xFFFFFFFF. */
function applyZip64Extra(view: DataView, from: number, to: number, entry: ZipEntry): void {
  let at = from;
  while (at + 4 <= to) {
    const id = u16(view, at);
    const length = u16(view, at + 2);
    const end = at + 4 + length;
    if (end > to) break;
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > end) throw corrupt('short zip64 extra field');
        const value = u64(view, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at = end;
  }
}

const nameDecoder = new TextDecoder('utf-8');

/**
 * Reads the central directory of a zip archive (zip64 included). Throws `FormatError` `corrupt` when
 * the archive is truncated or malformed.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (bytes.length < 22) throw corrupt('too short for a zip archive');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, offset, size } = locateDirectory(view, findEndOfCentralDirectory(view));
  const end = offset + size;
  const entries: ZipEntry[] = [];
  let declaredTotalBytes = 0;
  let at = offset;
  while (entries.length < count) {
    if (at + 46 > end || u32(view, at) !== SIG_CENTRAL) throw corrupt('bad central directory entry');
    const nameLength = u16(view, at + 28);
    const extraLength = u16(view, at + 30);
    const commentLength = u16(view, at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > end) throw corrupt('central directory entry overruns');
    const entry: ZipEntry = {
      name: normalizeName(nameDecoder.decode(bytes.subarray(at + 46, nameEnd))),
      flags: u16(view, at + 8),
      method: u16(view, at + 10),
      crc32: u32(view, at + 16),
      compressedSize: u32(view, at + 20),
      uncompressedSize: u32(view, at + 24),
      localHeaderOffset: u32(view, at + 42),
    };
    applyZip64Extra(view, nameEnd, nameEnd + extraLength, entry);
    declaredTotalBytes += entry.uncompressedSize;
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return { entries, declaredTotalBytes };
}

function normalizeName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** Finds an entry by part name, case-insensitively (OPC part names are case-insensitive). */
export function findZipEntry(directory: ZipDirectory, name: string): ZipEntry | null {
  const wanted = normalizeName(name).toLowerCase();
  return directory.entries.find((entry) => entry.name.toLowerCase() === wanted) ?? null;
}

/**
 * Decompresses one entry, charging the produced bytes to `budget`: throws `too-large` as soon as the
 * budget is exceeded, whatever sizes the archive declares, and `corrupt` on truncated data, a size or
 * CRC mismatch, or an unknown compression method.
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(view, local) !== SIG_LOCAL) {
    throw corrupt(`bad local header for ${entry.name}`);
  }
  if (entry.flags & 1)
    throw formatErrors.encrypted('docx', { detail: `zip entry ${entry.name} is encrypted` });
  const start = local + 30 + u16(view, local + 26) + u16(view, local + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`data of ${entry.name} is truncated`);
  const data = bytes.subarray(start, end);

  let output: Uint8Array;
  if (entry.method === 0) {
    charge(budget, data.length, entry.name);
    output = data.slice();
  } else if (entry.method === 8) {
    output = inflateWithBudget(data, entry, budget);
  } else {
    throw corrupt(`unsupported compression method ${entry.method} for ${entry.name}`);
  }

  if (output.length !== entry.uncompressedSize) {
    throw corrupt(`${entry.name}: ${output.length} bytes, declared ${entry.uncompressedSize}`);
  }
  const crc = new Crc32();
  crc.update(output);
  if (crc.value !== entry.crc32) throw corrupt(`${entry.name}: CRC mismatch`);
  return output;
}

function charge(budget: InflateBudget, bytes: number, name: string): void {
  budget.remaining -= bytes;
  if (budget.remaining < 0) {
    throw formatErrors.expandsTooLarge(budget.limit, `${name} expands beyond ${budget.limit} bytes`);
  }
}

/**
 * Inflates with the native zlib, never past the smaller of the entry's declared size and what is left
 * of the budget: a bomb that lies about its size is stopped as early as an honest one, and memory
 * never holds more than that bound.
 */
function inflateWithBudget(data: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const name = entry.name;
  const cap = Math.max(0, Math.min(entry.uncompressedSize, budget.remaining));
  let output: Uint8Array;
  try {
    output = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      const detail =
        entry.uncompressedSize <= budget.remaining
          ? `${name} expands beyond its declared ${entry.uncompressedSize} bytes`
          : `${name} expands beyond ${budget.limit} bytes`;
      throw formatErrors.expandsTooLarge(budget.limit, detail);
    }
    throw corrupt(`${name}: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  if (output.length > cap) {
    throw formatErrors.expandsTooLarge(budget.limit, `${name} expands beyond ${cap} bytes`);
  }
  charge(budget, output.length, name);
  return output;
}
