import type { FastifyReply } from 'fastify';
import { type ReportFile, contentDisposition } from '../services/report/report-files.js';

/**
 * Sends a rendered report. HTML opens in the browser (preview) under a policy that runs no script
 * and loads nothing; Word and PDF files download with their Chinese file name.
 */
export function sendReportFile(reply: FastifyReply, file: ReportFile): FastifyReply {
  const html = file.contentType.startsWith('text/html');
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file, html ? 'inline' : 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'",
    )
    .send(Buffer.from(file.bytes));
}
