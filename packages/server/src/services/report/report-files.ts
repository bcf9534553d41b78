import { type Plan, type ReportDocument, type ReportKind, shortRegion } from '@plantrack/core';
import { isReportPrintError, printReportPdf, renderReportDocx, renderReportHtml } from '@plantrack/formats';
import { ApiError } from '../../errors.js';

/** The formats a report is delivered in. */
export type ReportFormatName = 'docx' | 'html' | 'pdf';

/** A rendered report, ready to send or write. */
export type ReportFile = { bytes: Uint8Array; contentType: string; fileName: string };

const CONTENT_TYPES: Readonly<Record<ReportFormatName, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** `武进区2026年度规划实施监测报告`: the file name an office would give the document. */
export function reportFileStem(kind: ReportKind, plan: Plan, year: number): string {
  const region = shortRegion(plan.region);
  switch (kind) {
    case 'annual':
      return `${region}${year}年度规划实施监测报告`;
    case 'midterm':
      return `${region}规划实施中期评估报告`;
    case 'final':
      return `${region}规划实施总结评估报告`;
    case 'briefing':
      return `${region}${year}年度规划实施情况简报`;
  }
}

/**
 * `Content-Disposition` with the Chinese name (RFC 6266 / 5987 `filename*`) and an ASCII fallback
 * for clients that read only `filename`.
 */
export function contentDisposition(file: ReportFile, disposition: 'attachment' | 'inline'): string {
  const ext = file.fileName.slice(file.fileName.lastIndexOf('.'));
  return `${disposition}; filename="report${ext}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
}

/** Renders a built report document in one format. */
export async function renderReportFile(
  doc: ReportDocument,
  format: ReportFormatName,
  stem: string,
): Promise<ReportFile> {
  const fileName = `${stem}.${format}`;
  const contentType = CONTENT_TYPES[format];
  if (format === 'docx') return { bytes: await renderReportDocx(doc), contentType, fileName };
  const html = renderReportHtml(doc);
  if (format === 'html') return { bytes: new TextEncoder().encode(html), contentType, fileName };
  try {
    return { bytes: await printReportPdf(html), contentType, fileName };
  } catch (error) {
    // Chromium missing or failing is the server's state, not the request's: 503 with the reason.
    if (isReportPrintError(error)) throw new ApiError(503, `pdf-${error.code}`, error.messages);
    throw error;
  }
}
