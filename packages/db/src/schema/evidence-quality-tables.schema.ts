import type { RECORD_KIND_DESCRIPTORS, RecordKindName } from '@plantrack/core';
import type { Fixed, JsonText, Timestamp } from './column-types.js';

/**
 * What an evidence file supports: a record of any kind (an observation 监测值, a progress report
 * 进展报告, a major project's monthly report 项目月报 since migration 0024), by the spelling core's
 * record-kind vocabulary gives for this column.
 */
export type EvidenceSubjectKind =
  (typeof RECORD_KIND_DESCRIPTORS)[RecordKindName]['stored']['evidenceSubject'];

/**
 * Columns migration 0009 adds to `evidence_files` (0003): the record a file belongs to and the
 * record's latest revision when it was uploaded (0 before the first). Null only on rows written
 * before 0009, which nothing wrote.
 */
export interface EvidenceSubjectColumns {
  subject_kind: EvidenceSubjectKind | null;
  /** `observation_key` or `report_key`. */
  subject_key: string | null;
  revision_no: number | null;
}

/**
 * Columns migration 0012 adds to `evidence_files`: a file withdrawn from a draft or returned
 * submission, or redacted by the planning office (bytes removed). Null when it did not happen.
 */
export interface EvidenceLifecycleColumns {
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  redacted_at: Timestamp | null;
  redacted_by: string | null;
  redaction_reason: string | null;
}

/**
 * The data-quality flags computed when an observation revision was submitted (migration 0009).
 * One row per submitted revision, written in the same transaction; append-only.
 */
export interface ObservationQualityFlagsTable {
  revision_id: Fixed<string>;
  observation_key: Fixed<string>;
  revision_no: Fixed<number>;
  /** `QualityFlag[]` from @plantrack/core, as JSON (an empty array when nothing was flagged). */
  flags_json: Fixed<JsonText>;
  checked_at: Fixed<Timestamp>;
}
