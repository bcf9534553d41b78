/** The office's annual project sheet (.xlsx): reading with header detection, and export in the same layout. */
export { PROJECT_COLUMNS, fieldOfHeader, headerKey, type ProjectField } from './project-columns.js';
export { readProjectSheet } from './project-sheet.reader.js';
export type { ProjectSheetError, ProjectSheetRead, ProjectSheetRow } from './project-sheet.types.js';
export { writeProjectSheet, type ProjectExportRow } from './project-sheet.writer.js';
export { writeXlsxSheets, columnLetter, type SheetCell, type SheetSpec } from './xlsx-sheet.writer.js';
