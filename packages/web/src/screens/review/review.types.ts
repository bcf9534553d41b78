import type { RecordKindName } from '../../records/record-kinds';
import type { QualityFlag } from '../my-items/my-items.types';

/** `GET /api/review/queue` rows: a submission waiting for review. */
export type QueueItem = {
  kind: RecordKindName;
  key: string;
  /** Indicator id (observations) or task id (progress reports). */
  targetId: string;
  period: string;
  revisionNo: number;
  submittedBy: string;
  submittedAt: string;
  qualityFlags?: QualityFlag[];
};
