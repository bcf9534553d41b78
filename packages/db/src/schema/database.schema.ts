import type {
  EvidenceFilesTable,
  NotificationsTable,
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
  evidence_files: EvidenceFilesTable;
  notifications: NotificationsTable;
  framework_edits: FrameworkEditsTable;
  audit_log: AuditLogTable;
  search_documents: SearchDocumentsTable;
}
