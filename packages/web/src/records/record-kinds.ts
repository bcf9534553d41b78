/**
 * The record kinds as the browser speaks of them: one descriptor per kind with its API path, the
 * plan element it belongs to and the name of its entry form, so screens derive URLs and labels
 * from the kind instead of naming each one. The names are the API's (`observation`,
 * `progress_report`, as in the review queue), which the contract takes from core's record-kinds.ts:
 * a kind declared there fails to compile here until it has its descriptor.
 */
import type { ReviewQueueItem } from '@plantrack/api';

/** A record kind by its API name. */
export type RecordKindName = ReviewQueueItem['kind'];

/** The plan element a record is written about. */
export type RecordElement = 'indicator' | 'task';

/** Everything the web needs to know to address and show one record kind. */
export type WebRecordKind = {
  readonly name: RecordKindName;
  readonly element: RecordElement;
  /** The collection path of its API routes; the record's routes hang below `/{key}`. */
  readonly apiPath: string;
  /** The `name` of its entry form (also the prefix of the form fields' ids). */
  readonly formName: string;
};

/** The declarations by API name, one per kind of the contract, in the order screens list them. */
const DECLARED: { readonly [K in RecordKindName]: WebRecordKind & { readonly name: K } } = {
  observation: {
    name: 'observation',
    element: 'indicator',
    apiPath: '/api/observations',
    formName: 'observation',
  },
  progress_report: {
    name: 'progress_report',
    element: 'task',
    apiPath: '/api/progress-reports',
    formName: 'progress-report',
  },
};

/** The declarations, in the order screens list them. */
export const WEB_RECORD_KINDS: readonly WebRecordKind[] = Object.values(DECLARED);

/** The kind named by its API name or by the plan element it belongs to. */
export function webRecordKind(kind: RecordKindName | RecordElement): WebRecordKind {
  const found = WEB_RECORD_KINDS.find((k) => k.name === kind || k.element === kind);
  // Unreachable while the union types above list the declared kinds only.
  if (found === undefined) throw new Error(`Unknown record kind: ${kind}`);
  return found;
}

/** `{apiPath}/{key}` with the key URL-encoded (it contains `|`). */
export function recordUrl(kind: RecordKindName | RecordElement, key: string): string {
  return `${webRecordKind(kind).apiPath}/${encodeURIComponent(key)}`;
}
