import { RECORD_KINDS, type RecordKindName, UnknownRecordKindError, recordKind } from '@plantrack/core';
import { ApiError } from '../../../errors.js';
import { observationKind } from './observation.kind.js';
import { progressReportKind } from './progress-report.kind.js';
import { projectReportKind } from './project-report.kind.js';
import type { ServerRecordKind } from './record-kind.js';

export type { ServerRecordKind } from './record-kind.js';

/**
 * The server's record kinds by canonical name: the one place that lists them. Routes for
 * records and evidence iterate it; services resolve a stored or URL spelling through it.
 */
export const SERVER_RECORD_KINDS: { readonly [K in RecordKindName]: ServerRecordKind } = {
  observation: observationKind,
  progress_report: progressReportKind,
  project_report: projectReportKind,
};

/** Every server record kind, in the canonical order (core's `RECORD_KINDS`). */
export function serverRecordKinds(): ServerRecordKind[] {
  return RECORD_KINDS.map((name) => SERVER_RECORD_KINDS[name]);
}

/**
 * The server record kind of any spelling (canonical, URL segment, stored column value); an
 * unknown spelling is a 400 `unknown-record-kind` with the zh/en text core gives.
 */
export function serverRecordKind(spelling: string): ServerRecordKind {
  try {
    return SERVER_RECORD_KINDS[recordKind(spelling).name];
  } catch (error) {
    if (!(error instanceof UnknownRecordKindError)) throw error;
    throw new ApiError(400, 'unknown-record-kind', error.messages);
  }
}
