/** Report renderers: one `ReportDocument` (from `@plantrack/core`) as .docx, as HTML and, from the HTML, as PDF. */
export { renderReportDocx, type ReportDocxOptions } from './report-docx.renderer.js';
export { renderReportHtml, type ReportHtmlOptions } from './report-html.renderer.js';
export { renderChartSvg } from './report-chart.renderer.js';
export { printReportPdf, type ReportPdfOptions } from './report-pdf.printer.js';
export { closeReportPdfPrinter } from './report-pdf.browser.js';
export { ReportPrintError, isReportPrintError, type ReportPrintErrorCode } from './report-pdf.error.js';
