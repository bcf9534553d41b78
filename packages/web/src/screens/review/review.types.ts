import type { ReviewQueueItem as QueueItem } from '@plantrack/api';

/** `/api/observations` or `/api/progress-reports`, the record's path prefix. */
export function pathOfKind(kind: QueueItem['kind'] | 'indicator' | 'task'): string {
  return kind === 'observation' || kind === 'indicator' ? '/api/observations' : '/api/progress-reports';
}

/** `{prefix}/{key}` with the key URL-encoded (it contains `|`). */
export function recordUrl(kind: QueueItem['kind'] | 'indicator' | 'task', key: string): string {
  return `${pathOfKind(kind)}/${encodeURIComponent(key)}`;
}
