import type { QualityFlag } from '../my-items/my-items.types';

/** `GET /api/review/queue` rows: a submission waiting for review. */
export type QueueItem = {
  kind: 'observation' | 'progress_report';
  key: string;
  /** Indicator id (observations) or task id (progress reports). */
  targetId: string;
  period: string;
  revisionNo: number;
  submittedBy: string;
  submittedAt: string;
  qualityFlags?: QualityFlag[];
};

/** `/api/observations` or `/api/progress-reports`, the record's path prefix. */
export function pathOfKind(kind: QueueItem['kind'] | 'indicator' | 'task'): string {
  return kind === 'observation' || kind === 'indicator' ? '/api/observations' : '/api/progress-reports';
}

/** `{prefix}/{key}` with the key URL-encoded (it contains `|`). */
export function recordUrl(kind: QueueItem['kind'] | 'indicator' | 'task', key: string): string {
  return `${pathOfKind(kind)}/${encodeURIComponent(key)}`;
}
