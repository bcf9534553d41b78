import type {
  EvidenceFilesTable,
  ObservationsTable,
  ProgressReportsTable,
  ReferencePointsTable,
  ReferenceSeriesTable,
  ReportingCyclesTable,
} from './monitoring-tables.schema.js';
import type {
  ApiTokensTable,
  DepartmentAliasesTable,
  DepartmentsTable,
  UserRolesTable,
  UsersTable,
} from './people-tables.schema.js';
import type {
  CommitmentsTable,
  IndicatorVersionsTable,
  IndicatorsTable,
  OutlineNodesTable,
  PlanVersionsTable,
  PlansTable,
  TaskDepartmentsTable,
  TaskVersionsTable,
  TasksTable,
} from './plan-tables.schema.js';
import type { AuditLogTable, FrameworkEditsTable, SearchDocumentsTable } from './record-tables.schema.js';
import type {
  EvidenceLifecycleColumns,
  EvidenceSubjectColumns,
  ObservationQualityFlagsTable,
} from './evidence-quality-tables.schema.js';
import type { SessionsTable } from './session-tables.schema.js';
import type { IndicatorOwnerSetsTable, IndicatorOwnersTable } from './indicator-owner-tables.schema.js';
import type { EmailDeliveriesTable, UserNotificationsTable } from './notification-tables.schema.js';
import type {
  AssessmentSettingsTable,
  IndicatorReferenceLinksTable,
  ReferenceValuesTable,
} from './reference-tables.schema.js';
import type { ReviewSettingsTable } from './review-settings-tables.schema.js';
import type {
  ReportSectionRevisionsTable,
  ReportSnapshotsTable,
  ReportsTable,
} from './report-tables.schema.js';
import type { InstanceSettingsTable } from './instance-settings-tables.schema.js';
import type { ReportingRoundItemsTable, ReportingRoundsTable } from './reporting-round-tables.schema.js';
import type {
  ProjectAnnualPlansTable,
  ProjectEvaluationsTable,
  ProjectIssuesTable,
  ProjectMilestonesTable,
  ProjectReportsTable,
  ProjectSettingsTable,
  ProjectTransitionsTable,
  ProjectsTable,
} from './project-tables.schema.js';

/**
 * Every table of the PlanTrack store, as Kysely sees it. The same schema exists on SQLite and
 * PostgreSQL (see `migrations/`); only the search index differs underneath.
 */
export interface Database {
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  outline_nodes: OutlineNodesTable;
  indicators: IndicatorsTable;
  indicator_versions: IndicatorVersionsTable;
  commitments: CommitmentsTable;
  tasks: TasksTable;
  task_versions: TaskVersionsTable;
  task_departments: TaskDepartmentsTable;
  departments: DepartmentsTable;
  department_aliases: DepartmentAliasesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  api_tokens: ApiTokensTable;
  reporting_cycles: ReportingCyclesTable;
  observations: ObservationsTable;
  progress_reports: ProgressReportsTable;
  reference_series: ReferenceSeriesTable;
  reference_points: ReferencePointsTable;
  reference_values: ReferenceValuesTable;
  indicator_reference_links: IndicatorReferenceLinksTable;
  assessment_settings: AssessmentSettingsTable;
  review_settings: ReviewSettingsTable;
  instance_settings: InstanceSettingsTable;
  evidence_files: EvidenceFilesTable & EvidenceSubjectColumns & EvidenceLifecycleColumns;
  observation_quality_flags: ObservationQualityFlagsTable;
  notifications: UserNotificationsTable;
  email_deliveries: EmailDeliveriesTable;
  framework_edits: FrameworkEditsTable;
  audit_log: AuditLogTable;
  search_documents: SearchDocumentsTable;
  sessions: SessionsTable;
  indicator_owner_sets: IndicatorOwnerSetsTable;
  indicator_owners: IndicatorOwnersTable;
  reports: ReportsTable;
  report_snapshots: ReportSnapshotsTable;
  report_section_revisions: ReportSectionRevisionsTable;
  reporting_rounds: ReportingRoundsTable;
  reporting_round_items: ReportingRoundItemsTable;
  projects: ProjectsTable;
  project_annual_plans: ProjectAnnualPlansTable;
  project_milestones: ProjectMilestonesTable;
  project_issues: ProjectIssuesTable;
  project_transitions: ProjectTransitionsTable;
  project_evaluations: ProjectEvaluationsTable;
  project_settings: ProjectSettingsTable;
  project_reports: ProjectReportsTable;
}
