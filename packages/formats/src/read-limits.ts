import { formatErrors } from './format-error.catalog.js';

/** Resource bounds applied while reading a file. */
export type ReadLimits = {
  /** Largest accepted input file, checked before any parsing. */
  maxFileBytes: number;
  /**
   * Largest amount of data a container may expand to: the declared and the actually inflated size of
   * a .docx's zip entries, and the number of characters extracted from a PDF.
   */
  maxDecompressedBytes: number;
};

/** Default limits: 20 MiB per file, 200 MiB after decompression. */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxDecompressedBytes: 200 * 1024 * 1024,
});

/** Fills missing (or non-positive / non-finite) limits from {@link DEFAULT_LIMITS}. */
export function resolveReadLimits(limits: Partial<ReadLimits> = {}): ReadLimits {
  return {
    maxFileBytes: validLimit(limits.maxFileBytes) ?? DEFAULT_LIMITS.maxFileBytes,
    maxDecompressedBytes: validLimit(limits.maxDecompressedBytes) ?? DEFAULT_LIMITS.maxDecompressedBytes,
  };
}

function validLimit(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

/** Throws `empty` for a zero-byte input and `too-large` above `maxFileBytes`. */
export function assertFileSize(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length === 0) throw formatErrors.empty();
  if (bytes.length > limits.maxFileBytes) throw formatErrors.fileTooLarge(bytes.length, limits.maxFileBytes);
}
