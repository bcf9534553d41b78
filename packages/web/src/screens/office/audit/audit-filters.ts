import type { AuditQueryParams } from '@plantrack/api';

/**
 * The audit log's filters as they live in the URL (`/office?tab=audit&person=…&from=…`), so that a
 * link or the back button returns to the same selection, and as the API's query.
 */
export type AuditFilter = {
  person: string;
  department: string;
  kind: string;
  record: string;
  /** Dates as YYYY-MM-DD; `to` is inclusive on screen. */
  from: string;
  to: string;
};

const KEYS = ['person', 'department', 'kind', 'record', 'from', 'to'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters read from the URL; malformed dates are ignored rather than sent. */
export function filterFromParams(params: URLSearchParams): AuditFilter {
  const get = (key: (typeof KEYS)[number]) => params.get(key) ?? '';
  const date = (key: 'from' | 'to') => (DATE.test(get(key)) ? get(key) : '');
  return {
    person: get('person'),
    department: get('department'),
    kind: get('kind'),
    record: get('record'),
    from: date('from'),
    to: date('to'),
  };
}

/** The URL parameters of a selection (empty filters left out), beside the console's `tab`. */
export function paramsOfFilter(filter: AuditFilter): Record<string, string> {
  const out: Record<string, string> = { tab: 'audit' };
  for (const key of KEYS) if (filter[key] !== '') out[key] = filter[key];
  return out;
}

/** The day after a YYYY-MM-DD date: the API's `to` is exclusive, the screen's inclusive. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The API query of a selection (without paging). */
export function apiQueryOf(filter: AuditFilter): Partial<Record<keyof AuditQueryParams, string>> {
  return {
    actor: filter.person || undefined,
    departmentId: filter.department || undefined,
    entity: filter.kind || undefined,
    recordId: filter.record || undefined,
    from: filter.from || undefined,
    to: filter.to === '' ? undefined : nextDay(filter.to),
  };
}
