import type { Generated } from 'kysely';
import type { Fixed, Flag, JsonText, Timestamp } from './column-types.js';
import type { ReferenceKind } from './reference-tables.schema.js';

/** Review status of an observation or progress report revision. */
export type ReviewStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/** What produced a revision; `correct` is a recorded correction of an approved value. */
export type ReviewAction = 'save_draft' | 'submit' | 'approve' | 'return' | 'correct';

/** Task progress (未启动 / 推进中 / 已完成 / 滞后). */
export type ProgressStatus = 'not_started' | 'in_progress' | 'completed' | 'delayed';

/** How often an indicator or task is reported (填报周期). */
export type Frequency = 'annual' | 'half_yearly' | 'quarterly' | 'monthly';

/**
 * When an indicator or a task is reported: exactly one of `indicator_id` and `task_id` is set.
 * The due date of a period is its end plus `due_month_offset` months, on `due_day`.
 */
export interface ReportingCyclesTable {
  id: string;
  indicator_id: string | null;
  task_id: string | null;
  frequency: Frequency;
  due_month_offset: number;
  due_day: number;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

/** Columns shared by the two append-only revision tables. */
export interface RevisionColumns {
  id: Fixed<string>;
  revision_no: Fixed<number>;
  status: Fixed<ReviewStatus>;
  action: Fixed<ReviewAction>;
  /** Why it was returned or corrected; required for those actions. */
  reason: Fixed<string | null>;
  comment: Fixed<string | null>;
  /** Ids of `evidence_files`, as a JSON array. */
  evidence_json: Fixed<JsonText>;
  created_at: Fixed<Timestamp>;
  created_by: Fixed<string>;
  /** Client-chosen key that makes a retried request return the first result. */
  idempotency_key: Fixed<string | null>;
  /** The revision this one follows. */
  supersedes_id: Fixed<string | null>;
  /**
   * 1 on an approval or return by the user who submitted the revision it decides, allowed only by
   * the plan's office self-review setting (migration 0014; 0 on every other row).
   */
  self_reviewed: Fixed<Flag>;
}

/**
 * One revision of an observation (监测值): indicator × period × scope. Rows are only ever
 * inserted; the current state of an observation is its highest `revision_no`.
 */
export interface ObservationsTable extends RevisionColumns {
  /** `indicatorId|period|scope`, the identity of the observation across revisions. */
  observation_key: Fixed<string>;
  indicator_id: Fixed<string>;
  /** `2026`, `2026Q1` or `2026-03`. */
  period: Fixed<string>;
  /** Statistical scope (口径); empty for the plan's default scope. */
  scope: Fixed<string>;
  value: Fixed<number | null>;
  /** The value as written (`*`, `完成省下达指标`), kept beside the number. */
  value_text: Fixed<string | null>;
  unit: Fixed<string | null>;
  estimated: Fixed<Flag>;
  source: Fixed<string | null>;
}

/** One revision of a task progress report (进展报告): task × period. Append-only. */
export interface ProgressReportsTable extends RevisionColumns {
  /** `taskId|period`. */
  report_key: Fixed<string>;
  task_id: Fixed<string>;
  period: Fixed<string>;
  progress: Fixed<ProgressStatus>;
  narrative: Fixed<string>;
}

/** A reference series (参照值) for relative and external targets, e.g. the city's average growth. */
export interface ReferenceSeriesTable {
  id: string;
  plan_id: string | null;
  name: string;
  unit: string | null;
  scope: string | null;
  source: string | null;
  created_at: Timestamp;
  created_by: string;
  /** Stable key within the plan (added by migration 0010; empty on older rows). */
  series_key: Generated<string>;
  /** `city-average`, `external-target` or `other` (added by migration 0010). */
  kind: Generated<ReferenceKind>;
}

/** One value of a reference series. Unused since migration 0010: see `reference_values`. */
export interface ReferencePointsTable {
  id: string;
  series_id: string;
  period: string;
  value: number | null;
  value_text: string | null;
  estimated: Flag;
  source: string | null;
  created_at: Timestamp;
  created_by: string;
}

/** An uploaded evidence file; the bytes live on disk outside any served folder. */
export interface EvidenceFilesTable {
  id: string;
  sha256: string;
  size_bytes: number;
  mime: string;
  original_name: string;
  storage_path: string;
  uploaded_at: Timestamp;
  uploaded_by: string;
}
