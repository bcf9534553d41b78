import type { Flag, JsonText, Timestamp } from './column-types.js';

/** Span columns shared by every record extracted from a document (offsets and 1-based lines). */
export interface SourceSpanColumns {
  source_start: number;
  source_end: number;
  line_start: number;
  line_end: number;
}

/** A plan (规划纲要): one row per plan, whatever its number of versions. */
export interface PlansTable {
  id: string;
  /** Stable handle used to ingest a revised outline into the same plan (`320412-2026-2030`). */
  slug: string;
  title: string;
  region: string | null;
  region_code: string | null;
  level: string | null;
  period_start: number | null;
  period_end: number | null;
  baseline_year: number | null;
  /** The higher-level plan this plan serves (上位规划), when linked. */
  parent_plan_id: string | null;
  created_at: Timestamp;
  created_by: string;
}

/** One ingested outline of a plan. Versions are numbered 1, 2, … per plan. */
export interface PlanVersionsTable {
  id: string;
  plan_id: string;
  version_no: number;
  file_name: string | null;
  text_sha256: string;
  /** The decoded text, so every source span can be shown without the original file. */
  source_text: string;
  model_version: string;
  model_json: JsonText;
  /** Differences from the previous version (indicators and tasks), for the planning office to confirm. */
  diff_json: JsonText;
  created_at: Timestamp;
  created_by: string;
  confirmed_at: Timestamp | null;
  confirmed_by: string | null;
}

/** An outline node (篇/章/节/条) of one version, keyed by its path id (`p3.c5.s1`). */
export interface OutlineNodesTable extends SourceSpanColumns {
  id: string;
  plan_version_id: string;
  node_key: string;
  kind: string;
  ordinal: number;
  label: string;
  title: string;
  parent_key: string | null;
  /** Document order within the version (0-based, depth first). */
  position: number;
  depth: number;
  /** The node's own paragraphs, joined with newlines. */
  text: string;
}

/**
 * The identity of an indicator across versions of its plan. Observations, reporting cycles and
 * links to higher-level indicators point here, which is how data carries over when a revised
 * outline is ingested.
 */
export interface IndicatorsTable {
  id: string;
  plan_id: string;
  /** Normalised name (with the parent's for sub-indicators), unique within the plan. */
  indicator_key: string;
  /** The higher-level plan's indicator this one serves (上位规划衔接). */
  parent_indicator_id: string | null;
  published: Flag;
  created_at: Timestamp;
  created_by: string;
}

/** What one version of the plan says about an indicator; editable, every edit recorded. */
export interface IndicatorVersionsTable extends SourceSpanColumns {
  id: string;
  indicator_id: string;
  plan_version_id: string;
  seq: string;
  group_name: string | null;
  name: string;
  unit: string | null;
  parent_seq: string | null;
  attribute: string | null;
  attribute_inferred: Flag;
  direction: string | null;
  baseline_json: JsonText | null;
  target_json: JsonText;
  target_text: string;
  target_kind: string;
  scope: string | null;
  extra_json: JsonText;
  /** Number of framework edits applied; the optimistic-concurrency token for edits. */
  edit_no: number;
}

/** A quantitative or dated promise found in running text (目标任务), per version. */
export interface CommitmentsTable extends SourceSpanColumns {
  id: string;
  plan_version_id: string;
  /** The id ingestion gave it (`cm-12`). */
  ref: string;
  subject: string;
  quantity_json: JsonText | null;
  quantity_text: string | null;
  deadline: number | null;
  sentence: string;
  node_key: string;
  /** The indicator it restates, if any (stable identity). */
  indicator_id: string | null;
  edit_no: number;
}

/** The identity of a task (重点任务) across versions; progress reports point here. */
export interface TasksTable {
  id: string;
  plan_id: string;
  /** Normalised measure text, unique within the plan. */
  task_key: string;
  published: Flag;
  created_at: Timestamp;
  created_by: string;
}

/** What one version of the plan says about a task: the measure and the clause naming its owners. */
export interface TaskVersionsTable extends SourceSpanColumns {
  id: string;
  task_id: string;
  plan_version_id: string;
  /** The assignment id ingestion gave it (`as-3`). */
  ref: string;
  measure: string;
  clause: string;
  node_key: string;
  edit_no: number;
}

/** Lead and co-lead departments of a task version. */
export interface TaskDepartmentsTable {
  id: string;
  task_version_id: string;
  department_id: string;
  role: 'lead' | 'co_lead';
  /** The name as the clause writes it (`区发改局`). */
  name_as_written: string;
}
