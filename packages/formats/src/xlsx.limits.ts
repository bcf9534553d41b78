/**
 * Resource bounds of the .xlsx reader, all checked before or while reading, never after: an Excel
 * file is a zip archive whose few hundred kilobytes may expand to gigabytes of cells.
 */
export type XlsxLimits = {
  /** Largest accepted file. */
  maxFileBytes: number;
  /** Largest sum of the archive's uncompressed sizes, declared and actually inflated. */
  maxDecompressedBytes: number;
  /** Most files (parts) the archive may hold. */
  maxEntries: number;
  /** Highest row number a read sheet may use. */
  maxRows: number;
  /** Columns kept per row (A… up to this many); cells to the right are read past. */
  maxColumns: number;
  /** Most cells (and shared strings) read from the workbook in all, kept or not. */
  maxCells: number;
};

/**
 * Defaults sized for the department template: a few thousand rows of ten columns fit many times
 * over, while a bomb is refused within its first few megabytes.
 */
export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxFileBytes: 5 * 1024 * 1024,
  maxDecompressedBytes: 24 * 1024 * 1024,
  maxEntries: 500,
  maxRows: 10_000,
  maxColumns: 32,
  maxCells: 400_000,
});
