import { createRequire } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { dirname, join } from 'node:path';
import { formatErrors } from './format-error.catalog.js';
import { FormatError } from './format.error.js';
import { layoutPdfPages } from './pdf-layout.js';
import type { PlacedText } from './pdf-lines.js';
import { assertFileSize, resolveReadLimits } from './read-limits.js';
import type { ReadLimits } from './read-limits.js';

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | null = null;

/** Loads pdf.js lazily: it is large and only needed for PDFs. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Directories of pdf.js's bundled CMaps (needed for CJK fonts using predefined encodings) and fonts. */
function assetDirectories(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/** True when `%PDF-` occurs within the first 1024 bytes (the PDF specification allows leading junk). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    ) {
      return true;
    }
  }
  return false;
}

function toPlacedText(item: unknown): PlacedText | null {
  if (typeof item !== 'object' || item === null || !('str' in item) || !('transform' in item)) return null;
  const { str, transform } = item;
  if (typeof str !== 'string' || !Array.isArray(transform)) return null;
  const [a, b, c, d, x, y] = transform.map((value: unknown) =>
    typeof value === 'number' ? value : Number.NaN,
  );
  const width = 'width' in item && typeof item.width === 'number' ? item.width : 0;
  const height = 'height' in item && typeof item.height === 'number' ? item.height : 0;
  const size = Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || height;
  return { text: str, x: x ?? Number.NaN, y: y ?? Number.NaN, width, size };
}

/** Share of characters in a text layer that are not real text (private-use glyph codes, U+FFFD, controls). */
function garbageRatio(text: string): number {
  const visible = text.replace(/\s/g, '');
  if (visible.length === 0) return 1;
  // eslint-disable-next-line no-control-regex -- control characters are what marks a garbled text layer
  const garbage = visible.match(/[\u0000-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/g)?.length ?? 0;
  return garbage / visible.length;
}

function classifyPdfJsError(error: unknown): FormatError {
  if (error instanceof FormatError) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (name === 'PasswordException') return formatErrors.encrypted('pdf', { detail, cause: error });
  return formatErrors.corrupt('pdf', { detail, cause: error });
}

/**
 * Extracts the text layer of a PDF with pdf.js (no eval, no font loading) and lays it out for the
 * core parser (see {@link layoutPdfPages}): one line per text line, page after page, footnotes and
 * tables rebuilt from the positions of the text. Running headers/footers and page numbers are left
 * for the core parser.
 * Throws `FormatError`: `no-text` for a PDF without a usable text layer (a scan), `encrypted` for a
 * password-protected PDF, `corrupt` when pdf.js cannot open it, `too-large`/`empty` for size limits.
 */
export async function readPdf(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Promise<string> {
  const resolved = resolveReadLimits(limits);
  assertFileSize(bytes, resolved);
  if (!hasPdfHeader(bytes)) throw formatErrors.corrupt('pdf', { detail: 'no %PDF- header' });

  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: bytes.slice(), // pdf.js takes ownership of (detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapPacked: true,
    ...assetDirectories(),
  });
  const pages: PlacedText[][] = [];
  let characters = 0;
  try {
    const document = await task.promise;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const placed = content.items.map(toPlacedText).filter((item): item is PlacedText => item !== null);
      page.cleanup();
      characters += placed.reduce((sum, item) => sum + item.text.length + 1, 0);
      if (characters > resolved.maxDecompressedBytes) {
        throw formatErrors.textTooLarge(
          resolved.maxDecompressedBytes,
          `text layer exceeds ${characters} characters`,
        );
      }
      pages.push(placed);
    }
  } catch (error) {
    throw classifyPdfJsError(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }

  const text = layoutPdfPages(pages).join('\n');
  if (garbageRatio(text) > 0.5) {
    throw formatErrors.noText({
      detail: text.trim() === '' ? 'no text items' : 'text layer is not decodable',
    });
  }
  return `${text}\n`;
}
