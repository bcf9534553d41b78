import type { XmlElement } from './xml.parser.js';
import { isCompoundFile, listCompoundFileEntries } from './compound-file.reader.js';
import { streamDocumentText } from './docx-blocks.renderer.js';
import type { DocxLayoutOptions } from './docx-blocks.renderer.js';
import { ListNumbering } from './docx-numbering.js';
import { NoteRegistry, indexNotes } from './docx-notes.js';
import { formatErrors } from './format-error.catalog.js';
import { FormatError } from './format.error.js';
import { resolveDocxParts } from './opc-package.js';
import { assertFileSize, resolveReadLimits } from './read-limits.js';
import type { ReadLimits } from './read-limits.js';
import { parseXmlPart } from './xml.parser.js';
import { createInflateBudget, extractZipEntry, findZipEntry, readZipDirectory } from './zip.reader.js';
import type { ZipDirectory } from './zip.reader.js';

/** True when `bytes` start like a zip archive (local file header, or the end record of an empty zip). */
export function isZipArchive(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) ||
      (bytes[2] === 0x05 && bytes[3] === 0x06) ||
      (bytes[2] === 0x07 && bytes[3] === 0x08))
  );
}

/**
 * Converts a .docx (OOXML WordprocessingML) file into the canonical text layout (see
 * {@link streamDocumentText}). Zip entries are inflated under `maxDecompressedBytes` (declared and
 * actual sizes). Throws `FormatError`: `encrypted` for a password-protected document (an OLE
 * container with an `EncryptedPackage` stream), `unsupported` for an old .doc or a non-Word package,
 * `corrupt` for anything damaged, `too-large`/`empty` for size limits. Other exceptions never escape.
 */
export function readDocx(
  bytes: Uint8Array,
  limits: Partial<ReadLimits> = {},
  options: DocxLayoutOptions = {},
): string {
  const resolved = resolveReadLimits(limits);
  assertFileSize(bytes, resolved);
  if (isCompoundFile(bytes)) throw compoundFileError(bytes);
  if (!isZipArchive(bytes)) throw formatErrors.corrupt('docx', { detail: 'not a zip archive' });
  try {
    return readPackage(bytes, resolved, options);
  } catch (error) {
    if (error instanceof FormatError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw formatErrors.corrupt('docx', { detail, cause: error });
  }
}

function compoundFileError(bytes: Uint8Array): FormatError {
  const names = listCompoundFileEntries(bytes).map((name) => name.toLowerCase());
  if (names.includes('encryptedpackage')) {
    return formatErrors.encrypted('docx', { detail: 'OLE container with an EncryptedPackage stream' });
  }
  if (names.includes('worddocument')) return formatErrors.legacyWord({ detail: 'OLE WordDocument stream' });
  return formatErrors.unsupported('OLE / Office 97–2003', {
    detail: `streams: ${names.slice(0, 10).join(', ')}`,
  });
}

function readPackage(bytes: Uint8Array, limits: ReadLimits, options: DocxLayoutOptions): string {
  const directory = readZipDirectory(bytes);
  if (directory.declaredTotalBytes > limits.maxDecompressedBytes) {
    throw formatErrors.expandsTooLarge(
      limits.maxDecompressedBytes,
      `zip declares ${directory.declaredTotalBytes} uncompressed bytes`,
    );
  }
  const budget = createInflateBudget(limits.maxDecompressedBytes);
  const partBytes = (name: string): Uint8Array | null => {
    const entry = findZipEntry(directory, name);
    return entry ? extractZipEntry(bytes, entry, budget) : null;
  };
  const parsePart = (name: string): XmlElement | null => {
    const data = partBytes(name);
    return data ? parseXmlPart(data, name) : null;
  };
  const lenientPart = (name: string): XmlElement | null => {
    try {
      return parsePart(name);
    } catch (error) {
      if (error instanceof FormatError && error.code === 'corrupt') return null; // fall back to defaults
      throw error;
    }
  };

  const parts = resolveDocxParts(lenientPart);
  const documentBytes = partBytes(parts.document);
  if (!documentBytes) throw missingDocumentError(directory, parts.document);
  // Notes and numbering are read first so that the body can be rendered while it is parsed.
  const notes = new NoteRegistry(
    indexNotes(parts.footnotes ? parsePart(parts.footnotes) : null, 'footnote'),
    indexNotes(parts.endnotes ? parsePart(parts.endnotes) : null, 'endnote'),
  );
  // Damaged numbering or styles only cost the list numbers (size limits still apply).
  const numbering = parts.numbering ? lenientPart(parts.numbering) : null;
  const styles = numbering && parts.styles ? lenientPart(parts.styles) : null;
  const body = streamDocumentText(notes, options, ListNumbering.fromParts(numbering, styles));
  return body.finish(parseXmlPart(documentBytes, parts.document, body.take));
}

function missingDocumentError(directory: ZipDirectory, documentPart: string): FormatError {
  const names = directory.entries.map((entry) => entry.name.toLowerCase());
  const detail = `no ${documentPart} in the zip archive`;
  if (names.some((name) => name.startsWith('xl/'))) return formatErrors.unsupported('Excel', { detail });
  if (names.some((name) => name.startsWith('ppt/')))
    return formatErrors.unsupported('PowerPoint', { detail });
  if (names.includes('mimetype') || names.includes('content.xml')) {
    return formatErrors.unsupported('OpenDocument', { detail });
  }
  return formatErrors.corrupt('docx', { detail });
}
