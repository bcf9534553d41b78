import type { ReportKindName, ReportStatus } from '@plantrack/api';
import type { ReportsText } from './reports.messages';

/**
 * The kinds in the order the form offers them. Kept here rather than imported from the contract
 * package, whose runtime code (zod) the web bundle does not carry; the record type makes the list
 * complete.
 */
const KIND_ORDER: Readonly<Record<ReportKindName, number>> = { annual: 0, midterm: 1, final: 2, briefing: 3 };
export const REPORT_KIND_ORDER = (Object.keys(KIND_ORDER) as ReportKindName[]).sort(
  (a, b) => KIND_ORDER[a] - KIND_ORDER[b],
);

/** The name of a report kind in the current language. */
export function kindLabel(t: ReportsText, kind: ReportKindName): string {
  return t[`kind_${kind}`];
}

/** The name of a report status in the current language. */
export function statusLabel(t: ReportsText, status: ReportStatus): string {
  return t[`status_${status}`];
}

/** Tag colours with enough contrast for white text (AA). */
export const STATUS_TAG_COLORS: Readonly<Record<ReportStatus, string>> = {
  draft: '#595959',
  in_review: '#ad4e00',
  approved: '#1d5c96',
  published: '#1b5e20',
};

/** Where a report's file is downloaded (staff route; the public one is `/api/public/...`). */
export function reportFileUrl(id: string, format: 'docx' | 'pdf' | 'html', publicRoute = false): string {
  const base = publicRoute ? '/api/public/reports' : '/api/reports';
  return `${base}/${encodeURIComponent(id)}/file?format=${format}`;
}
