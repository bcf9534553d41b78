import { isCompoundFile } from './compound-file.reader.js';
import { isZipArchive, readDocx } from './docx.reader.js';
import { formatErrors } from './format-error.catalog.js';
import { hasPdfHeader, readPdf } from './pdf.reader.js';
import { assertFileSize, resolveReadLimits } from './read-limits.js';
import type { ReadLimits } from './read-limits.js';
import { decodeText } from './text.decoder.js';

/** The input formats {@link readDocument} converts to text. */
export type DocumentFormat = 'text' | 'docx' | 'pdf';

/** Result of {@link readDocument}: text for the core parser, the detected format and text encoding. */
export type DocumentText = {
  text: string;
  format: DocumentFormat;
  /** Encoding of a plain-text file (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`); null for docx/pdf. */
  encoding: string | null;
};

type Sniffed = DocumentFormat | 'ole' | 'rtf';

function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * Magic bytes first: zip (PK), %PDF, OLE compound file, RTF; null when the content says nothing.
 * `%PDF-` counts anywhere in the first KiB (as PDF readers allow) only for a `.pdf` file name, so that
 * a text file quoting it is still text.
 */
function sniffContent(bytes: Uint8Array, extension: string): Sniffed | null {
  if (isZipArchive(bytes)) return 'docx';
  if (isCompoundFile(bytes)) return 'ole';
  if (startsWithAscii(bytes, '%PDF-') || (extension === 'pdf' && hasPdfHeader(bytes))) return 'pdf';
  if (startsWithAscii(bytes, '{\\rtf')) return 'rtf';
  return null;
}

const WORD_EXTENSIONS = new Set(['docx', 'docm', 'dotx', 'dotm']);

/**
 * Turns the bytes of an uploaded file into text for the core parser. The format is sniffed from the
 * content (zip → .docx, `%PDF` → PDF, OLE → encrypted .docx or old .doc), the file name's extension
 * only decides when the content has no signature: a `.docx`/`.pdf` without its signature is
 * `corrupt`, a `.doc` is `unsupported`, anything else is decoded as plain text. Throws `FormatError`
 * (`empty` also for a file with nothing but whitespace, `too-large` above `maxFileBytes` before any
 * parsing).
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<ReadLimits> = {},
): Promise<DocumentText> {
  const resolved = resolveReadLimits(limits);
  assertFileSize(bytes, resolved);
  const extension = extensionOf(fileName);
  const sniffed = sniffContent(bytes, extension);

  if (sniffed === 'docx' || sniffed === 'ole') {
    return nonEmpty({ text: readDocx(bytes, resolved), format: 'docx', encoding: null });
  }
  if (sniffed === 'pdf')
    return nonEmpty({ text: await readPdf(bytes, resolved), format: 'pdf', encoding: null });
  if (sniffed === 'rtf') throw formatErrors.unsupported('RTF', { detail: 'content starts with {\\rtf' });

  if (WORD_EXTENSIONS.has(extension)) {
    throw formatErrors.corrupt('docx', { detail: `.${extension} file without a zip signature` });
  }
  if (extension === 'pdf') throw formatErrors.corrupt('pdf', { detail: '.pdf file without a %PDF header' });
  if (extension === 'doc' || extension === 'wps') {
    throw formatErrors.legacyWord({ detail: `.${extension} file without a known signature` });
  }
  const decoded = decodeText(bytes);
  return nonEmpty({ text: decoded.text, format: 'text', encoding: decoded.encoding });
}

function nonEmpty(result: DocumentText): DocumentText {
  if (result.text.trim() === '') throw formatErrors.empty({ detail: `${result.format} without any text` });
  return result;
}
