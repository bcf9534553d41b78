import { FormatError, isFormatError } from './format.error.js';

const MIB = 1024 * 1024;
const mib = (bytes: number): string => (bytes / MIB).toFixed(1).replace(/\.0$/, '');

/** Errors made here, as opposed to the zip layer's (which {@link xlsxErrors.fromZip} rewords). */
const made = new WeakSet<FormatError>();
const mark = (error: FormatError): FormatError => {
  made.add(error);
  return error;
};

/** Whether an error is already worded for a workbook. */
export function isXlsxError(error: unknown): error is FormatError {
  return isFormatError(error) && made.has(error);
}

const USE_TEMPLATE = {
  zh: '请使用系统下载的模板填写后重新上传。',
  en: 'Fill in the template downloaded from PlanTrack and upload it again.',
};

/**
 * The bilingual {@link FormatError}s of the .xlsx reader: what is wrong with the workbook, and that
 * the downloaded template is the way out. `too-large` ones name the limit that was hit.
 */
export const xlsxErrors = {
  fileTooLarge(size: number, limit: number): FormatError {
    return mark(
      new FormatError(
        'too-large',
        {
          zh: `Excel 工作簿过大（${mib(size)} MiB，上限 ${mib(limit)} MiB）。${USE_TEMPLATE.zh}`,
          en: `The Excel workbook is too large (${mib(size)} MiB, limit ${mib(limit)} MiB). ${USE_TEMPLATE.en}`,
        },
        { detail: `${size} bytes > maxFileBytes ${limit}` },
      ),
    );
  },

  expandsTooLarge(limit: number, detail: string): FormatError {
    return mark(
      new FormatError(
        'too-large',
        {
          zh: `Excel 工作簿解压后的内容过大（超过 ${mib(limit)} MiB），可能已损坏或并非正常的工作簿，未读取。${USE_TEMPLATE.zh}`,
          en: `The Excel workbook expands to too much data (over ${mib(limit)} MiB), so it may be damaged or malicious; it was not read. ${USE_TEMPLATE.en}`,
        },
        { detail },
      ),
    );
  },

  tooManyEntries(count: number, limit: number): FormatError {
    return mark(
      new FormatError(
        'too-large',
        {
          zh: `Excel 工作簿包含的部件过多（${count} 个，上限 ${limit} 个），未读取。${USE_TEMPLATE.zh}`,
          en: `The Excel workbook holds too many parts (${count}, limit ${limit}); it was not read. ${USE_TEMPLATE.en}`,
        },
        { detail: `${count} zip entries > maxEntries ${limit}` },
      ),
    );
  },

  tooManyRows(sheet: string, row: number, limit: number): FormatError {
    return mark(
      new FormatError(
        'too-large',
        {
          zh: `工作表“${sheet}”的行数过多（第 ${row} 行，上限 ${limit} 行），未读取。${USE_TEMPLATE.zh}`,
          en: `Sheet "${sheet}" has too many rows (row ${row}, limit ${limit}); it was not read. ${USE_TEMPLATE.en}`,
        },
        { detail: `row ${row} > maxRows ${limit}` },
      ),
    );
  },

  tooManyCells(limit: number): FormatError {
    return mark(
      new FormatError(
        'too-large',
        {
          zh: `Excel 工作簿的单元格过多（超过 ${limit} 个），未读取。${USE_TEMPLATE.zh}`,
          en: `The Excel workbook has too many cells (over ${limit}); it was not read. ${USE_TEMPLATE.en}`,
        },
        { detail: `cells > maxCells ${limit}` },
      ),
    );
  },

  corrupt(detail: string, cause?: unknown): FormatError {
    return mark(
      new FormatError(
        'corrupt',
        {
          zh: `无法读取该 Excel 工作簿（文件已损坏或不是 .xlsx 格式）。${USE_TEMPLATE.zh}`,
          en: `The Excel workbook could not be read (it is damaged or not an .xlsx file). ${USE_TEMPLATE.en}`,
        },
        { detail, cause },
      ),
    );
  },

  encrypted(detail: string): FormatError {
    return mark(
      new FormatError(
        'encrypted',
        {
          zh: 'Excel 工作簿已加密（有密码保护），请取消密码后重新上传。',
          en: 'The Excel workbook is password-protected; remove the password and upload it again.',
        },
        { detail },
      ),
    );
  },

  /** The zip layer's errors (worded for Word documents) reworded for a workbook. */
  fromZip(error: unknown, limit: number): FormatError {
    if (!isFormatError(error)) {
      return xlsxErrors.corrupt(error instanceof Error ? error.message : String(error), error);
    }
    const detail = error.detail ?? error.message;
    if (error.code === 'too-large') return xlsxErrors.expandsTooLarge(limit, detail);
    if (error.code === 'encrypted') return xlsxErrors.encrypted(detail);
    return xlsxErrors.corrupt(detail, error);
  },
} as const;
