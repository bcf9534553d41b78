import type { Fixed, Flag, JsonText, Timestamp } from './column-types.js';

/** A report kind: 年度监测报告, 中期评估报告, 总结评估报告, 人大 briefing. */
export type ReportKindValue = 'annual' | 'midterm' | 'final' | 'briefing';
/** Review state of a report. */
export type ReportStatusValue = 'draft' | 'in_review' | 'approved' | 'published';
/** A section the office writes. */
export type ReportSectionKeyValue = 'overview' | 'problems' | 'measures' | 'adjustments' | 'next-year';

/** An evaluation report and its review state (migration 0015); state changes are audited. */
export interface ReportsTable {
  id: string;
  plan_id: string;
  kind: ReportKindValue;
  year: number;
  /** `YYYY-MM-DD`: no revision approved after this day is in the snapshot. */
  as_of: string;
  title: string;
  status: ReportStatusValue;
  demo: Flag;
  plan_version_id: string;
  created_at: Timestamp;
  created_by: string;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  published_at: Timestamp | null;
  published_by: string | null;
  /** Why the report was last returned to draft. */
  return_note: string | null;
}

/** The frozen data of a report, written once with the report (append-only). */
export interface ReportSnapshotsTable {
  report_id: Fixed<string>;
  plan_version_id: Fixed<string>;
  snapshot_json: Fixed<JsonText>;
  /** SHA-256 (hex) of `snapshot_json`. */
  sha256: Fixed<string>;
  observations: Fixed<number>;
  progress_reports: Fixed<number>;
  reference_values: Fixed<number>;
  taken_at: Fixed<Timestamp>;
}

/** One revision of an office section of a report (append-only; the highest revision is the text). */
export interface ReportSectionRevisionsTable {
  id: Fixed<string>;
  report_id: Fixed<string>;
  section_key: Fixed<ReportSectionKeyValue>;
  revision_no: Fixed<number>;
  text: Fixed<string>;
  written_at: Fixed<Timestamp>;
  written_by: Fixed<string>;
}
