import { withBrowser } from './report-pdf.browser.js';
import { isReportPrintError, reportPrintError } from './report-pdf.error.js';

/** Options of {@link printReportPdf}. */
export type ReportPdfOptions = {
  /** Give up laying out and printing one report after this long (default 60 s). */
  timeoutMs?: number;
};

/**
 * Print a report's HTML (from `renderReportHtml`) to PDF with Chromium: A4 pages and the 公文
 * margins from the page's own `@page` rules (37 mm top, 28 mm binding margin mirrored, landscape
 * pages for wide tables), "— N —" page numbers from its page-margin boxes, table header rows
 * repeated, the CJK fonts embedded (subset) by Chromium, headings as PDF bookmarks. One browser
 * serves the whole process (see report-pdf.browser.ts); each print has its own page.
 */
export async function printReportPdf(html: string, options: ReportPdfOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 60_000;
  return withBrowser(async (browser) => {
    const page = await browser.newPage();
    try {
      page.setDefaultTimeout(timeout);
      // The report is self-contained: nothing may be fetched while it is laid out.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: false,
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (err) {
      throw isReportPrintError(err) ? err : reportPrintError('print-failed', '', err);
    } finally {
      await page
        .context()
        .close()
        .catch(() => undefined);
    }
  });
}
