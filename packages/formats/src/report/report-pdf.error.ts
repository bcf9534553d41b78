/**
 * Why a report could not be printed to PDF:
 * - `chromium-missing`: no Chromium at the configured path;
 * - `launch-failed`: Chromium is there but did not start;
 * - `print-failed`: the browser failed while laying out or printing the page.
 */
export type ReportPrintErrorCode = 'chromium-missing' | 'launch-failed' | 'print-failed';

/** The error `printReportPdf` throws; `messages` are for users, `message` (English + detail) for logs. */
export class ReportPrintError extends Error {
  readonly code: ReportPrintErrorCode;
  readonly messages: { zh: string; en: string };

  constructor(
    code: ReportPrintErrorCode,
    messages: { zh: string; en: string },
    detail: string,
    cause?: unknown,
  ) {
    super(`${messages.en} (${detail})`, cause === undefined ? undefined : { cause });
    this.name = 'ReportPrintError';
    this.code = code;
    this.messages = messages;
  }
}

/** True when `value` is a {@link ReportPrintError}. */
export function isReportPrintError(value: unknown): value is ReportPrintError {
  return value instanceof ReportPrintError;
}

const MESSAGES: Readonly<Record<ReportPrintErrorCode, (path: string) => { zh: string; en: string }>> = {
  'chromium-missing': (path) => ({
    zh: `无法生成PDF：未找到Chromium浏览器（${path}）。请安装Chromium（Debian：apt-get install chromium），或用环境变量PLANTRACK_CHROMIUM指定其路径；也可先下载Word或网页版报告。`,
    en: `Cannot create the PDF: Chromium was not found (${path}). Install Chromium (Debian: apt-get install chromium) or set PLANTRACK_CHROMIUM to its path; the Word and web versions of the report are available meanwhile.`,
  }),
  'launch-failed': (path) => ({
    zh: `无法生成PDF：Chromium浏览器（${path}）未能启动，请检查其安装后重试；也可先下载Word或网页版报告。`,
    en: `Cannot create the PDF: Chromium (${path}) did not start; check its installation and try again. The Word and web versions of the report are available meanwhile.`,
  }),
  'print-failed': () => ({
    zh: '生成PDF时出错，请稍后重试；也可先下载Word或网页版报告。',
    en: 'Printing the PDF failed; try again later. The Word and web versions of the report are available meanwhile.',
  }),
};

export function reportPrintError(
  code: ReportPrintErrorCode,
  path: string,
  cause?: unknown,
): ReportPrintError {
  const detail = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : path;
  return new ReportPrintError(code, MESSAGES[code](path), detail, cause);
}
