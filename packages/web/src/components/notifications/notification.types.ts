import type { Notification as AppNotification } from '@plantrack/api';

/**
 * Where a notification leads: the reporter's form of the item and period it is about
 * (`/my?kind=…&id=…&period=…`), or null when it names no period.
 */
export function targetOf(n: AppNotification): string | null {
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
