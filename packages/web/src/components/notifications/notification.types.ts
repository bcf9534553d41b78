import type { Notification as AppNotification } from '@plantrack/api';

/**
 * Where a notification leads: a reviewer's notice of new submissions to the review queue filtered
 * to them (`/review?department=…&period=…`); any other to the reporter's form of the item and
 * period it is about (`/my?kind=…&id=…&period=…`), a project's notice to its page, or null when it
 * names no period.
 */
export function targetOf(n: AppNotification): string | null {
  if (n.kind === 'submitted') return reviewTargetOf(n);
  if (n.subjectKind === 'department') return null;
  // A major project's monthly report is filled on the project's own page.
  if (n.subjectKind === 'project') return `/projects/${encodeURIComponent(n.subjectKey)}`;
  let kind: 'indicator' | 'task';
  let id: string | undefined;
  let period: string | null | undefined = n.period;
  if (n.subjectKind === 'indicator' || n.subjectKind === 'task') {
    kind = n.subjectKind;
    id = n.subjectKey;
  } else {
    kind = n.subjectKind === 'observation' ? 'indicator' : 'task';
    const parts = n.subjectKey.split('|');
    id = parts[0];
    period = parts[1] ?? period;
  }
  if (id === undefined || id === '' || period === null || period === undefined) return null;
  return `/my?${new URLSearchParams({ kind, id, period }).toString()}`;
}

/** The review queue filtered to the submissions a `submitted` notice is about (the queue's URL filters). */
function reviewTargetOf(n: AppNotification): string {
  const filters = new URLSearchParams();
  if (n.subjectKind === 'department') filters.set('department', n.subjectKey);
  else if (n.subjectKind === 'observation' || n.subjectKind === 'progress_report')
    filters.set('kind', n.subjectKind);
  if (n.period !== null) filters.set('period', n.period);
  const search = filters.toString();
  return search === '' ? '/review' : `/review?${search}`;
}
