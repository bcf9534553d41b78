/** Report renderers: one `ReportDocument` (from `@plantrack/core`) as .docx and as HTML. */
export { renderReportDocx, type ReportDocxOptions } from './report-docx.renderer.js';
export { renderReportHtml, type ReportHtmlOptions } from './report-html.renderer.js';
export { renderChartSvg } from './report-chart.renderer.js';
