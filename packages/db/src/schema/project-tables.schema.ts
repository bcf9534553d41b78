import type { ProjectStage, PreparationStep } from '@plantrack/core';
import type { Fixed, Flag, JsonText, Timestamp } from './column-types.js';
import type { ReviewAction, ReviewStatus } from './monitoring-tables.schema.js';

/** One project of a plan's register (migration 0020); money in 万元. */
export interface ProjectsTable {
  id: string;
  plan_id: string;
  code: string | null;
  name: string;
  level: '省' | '市' | '区' | null;
  category: string | null;
  nature: '储备' | '前期' | '新开工' | '续建' | '竣工' | null;
  place: string | null;
  lng: number | null;
  lat: number | null;
  serves_json: JsonText;
  content: string;
  new_capacity: string | null;
  total_wan: number | null;
  funding_json: JsonText;
  start_year: number | null;
  end_year: number | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_completion: string | null;
  actual_completion: string | null;
  lead_unit: string | null;
  lead_department_id: string | null;
  responsible_person: string | null;
  linked_leader: string | null;
  owner: string | null;
  owner_contact: string | null;
  stage: ProjectStage;
  published: Flag;
  revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 年度计划投资 and 年度形象进度目标 of one project and year. */
export interface ProjectAnnualPlansTable {
  project_id: string;
  year: number;
  plan_wan: number | null;
  milestone_text: string | null;
}

/** 前期节点 (立项, 用地, 规划, 环评, 施工许可) of one project. */
export interface ProjectMilestonesTable {
  project_id: string;
  step: PreparationStep;
  deadline: string | null;
  department: string | null;
  done_on: string | null;
}

/** 存在问题/需协调事项. */
export interface ProjectIssuesTable {
  id: string;
  project_id: string;
  text: string;
  department: string | null;
  deadline: string | null;
  state: 'open' | 'resolved';
  created_at: Timestamp;
  created_by: string;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution: string | null;
}

/** A lifecycle move, append-only. */
export interface ProjectTransitionsTable {
  id: Fixed<string>;
  project_id: Fixed<string>;
  from_stage: Fixed<ProjectStage | null>;
  to_stage: Fixed<ProjectStage>;
  note: Fixed<string | null>;
  created_at: Fixed<Timestamp>;
  created_by: Fixed<string>;
}

/** The post-evaluation (后评价) of a completed project. */
export interface ProjectEvaluationsTable {
  project_id: string;
  scope_met: Flag;
  investment_met: Flag;
  time_met: Flag;
  benefits_met: Flag;
  lessons: string;
  created_at: Timestamp;
  created_by: string;
}

/** The office's lag threshold per plan (percentage points behind 时序进度). */
export interface ProjectSettingsTable {
  plan_id: string;
  lag_threshold_points: number;
  updated_at: Timestamp;
}

/** One revision of a monthly project report, append-only. */
export interface ProjectReportsTable {
  id: Fixed<string>;
  project_id: Fixed<string>;
  year: Fixed<number>;
  month: Fixed<number>;
  revision_no: Fixed<number>;
  status: Fixed<ReviewStatus>;
  action: Fixed<ReviewAction>;
  month_wan: Fixed<number | null>;
  ytd_wan: Fixed<number | null>;
  progress_text: Fixed<string | null>;
  reason: Fixed<string | null>;
  evidence_json: Fixed<JsonText>;
  created_at: Fixed<Timestamp>;
  created_by: Fixed<string>;
}
