import type ExcelJS from 'exceljs';
import type { Db } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import type { CellError } from '../../errors.js';
import type { IndicatorRowWarning } from './template-indicator.rows.js';
import type { DepartmentOwed } from './template-owed.js';
import type { RowOutcome, UploadOptions } from './template-upload.shared.js';
import type { HelpRow, UploadedWorkbook } from './template.workbook.js';

/** A row's result in the upload answer: the outcome and the sheet's own id fields. */
export type SheetRowResult = RowOutcome & Record<string, unknown>;

/** A row that would be submitted with quality warnings (sheet 指标). */
export type SheetRowWarning = IndicatorRowWarning;

/** The rows of one sheet decided inside the upload's transaction, and the writes still to run. */
export type PreparedSheet = { done: SheetRowResult[]; writes: (() => Promise<SheetRowResult>)[] };

/** A sheet's checked rows, ready to be decided in the upload's transaction. */
export type CheckedSheet = {
  readonly count: number;
  /**
   * For a submission, before the transaction: the quality warnings of the rows that would be
   * submitted (a kind without quality checks has none). `confirmed`: the reporter saw this file's
   * warnings and confirmed them, so the stored flags say so.
   */
  review?: (ctx: AppContext, confirmed: boolean) => Promise<SheetRowWarning[]>;
  prepare: (trx: Db, options: UploadOptions, stateErrors: CellError[]) => Promise<PreparedSheet>;
};

/** A sheet as read from an upload: its cell errors, and the check against what is owed. */
export type ReadSheet = {
  readonly present: boolean;
  readonly errors: readonly CellError[];
  /** Checks every row against what the department owes, adding errors to `errors`. */
  check: (owed: DepartmentOwed, errors: CellError[]) => CheckedSheet;
};

/**
 * One record kind's sheet of the department template (a facet of its server kind): how it is
 * pre-filled and written, explained on the help sheet, read back and saved. The template service
 * only iterates the registry's sheets, so a new kind brings its sheet in its own files.
 */
export type TemplateSheet = {
  /** The worksheet's name, e.g. 指标. */
  readonly name: string;
  /** The field of the upload answer holding this sheet's rows. */
  readonly resultKey: 'rows' | 'taskRows';
  /** The sheet's lines on the help sheet: what a row is, then each column. */
  readonly help: readonly HelpRow[];
  /** Adds the sheet to the workbook being built, one row per owed item pre-filled with its latest revision. */
  write: (ctx: AppContext, wb: ExcelJS.Workbook, owed: DepartmentOwed) => Promise<void>;
  /** Reads the sheet's rows of an uploaded workbook. */
  read: (workbook: UploadedWorkbook) => ReadSheet;
};
