/**
 * @plantrack/db — the PlanTrack store: Kysely over SQLite (default, one file) or PostgreSQL
 * (`DATABASE_URL`), one schema and one set of migrations for both, and thin typed repositories.
 * See docs/adr/0002-storage.md.
 */
export {
  DEFAULT_DATA_DIR,
  SQLITE_FILE_NAME,
  databaseOptionsFromEnv,
  openDatabase,
  redactPassword,
  type DatabaseHandle,
  type Db,
  type OpenDatabaseOptions,
} from './connection.factory.js';
export {
  ConflictError,
  InvalidInputError,
  FourEyesError,
  NotFoundError,
  StorageError,
  type ConflictCode,
} from './errors.js';
export { APPEND_ONLY_TABLES } from './migrations/0005-append-only.migration.js';
export { MIGRATIONS, migrateToLatest, staticMigrationProvider } from './migrations/migration.provider.js';
export type * from './schema/column-types.js';
export type { Database } from './schema/database.schema.js';
export type * from './schema/monitoring-tables.schema.js';
export {
  EMAIL_DELIVERY_STATUSES,
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECT_KINDS,
  type EmailDeliveriesTable,
  type EmailDeliveryStatus,
  type NotificationKind,
  type NotificationSubjectKind,
  type UserNotificationsTable,
} from './schema/notification-tables.schema.js';
export { ROLES, type Role } from './schema/people-tables.schema.js';
export { OWNER_ROLES } from './schema/indicator-owner-tables.schema.js';
export type * from './schema/indicator-owner-tables.schema.js';
export type * from './schema/plan-tables.schema.js';
export type * from './schema/record-tables.schema.js';
export type * from './schema/evidence-quality-tables.schema.js';
export { EVIDENCE_SUBJECT_KINDS } from './migrations/0009-evidence-and-quality.migration.js';
/** Evidence file rows: upload, list, find, withdraw, redact (the bytes are the server's). */
export {
  findEvidenceFile,
  insertEvidenceFile,
  listEvidenceFiles,
  planIdOfTask,
  redactEvidenceFile,
  withdrawEvidenceFile,
  type EvidenceChange,
  type EvidenceFileRow,
  type NewEvidenceFile,
} from './repositories/evidence/evidence.repository.js';
export type * from './schema/session-tables.schema.js';
export { DIALECTS, dialectOf, writeTransaction, type DialectName } from './support/dialect.js';
export { groupedWriteTransaction, insertWithGroup } from './support/group-commit.js';
export { newId, nowIso } from './support/ids.js';

export {
  appendAudit,
  auditActorIds,
  queryAudit,
  type AuditEntry,
  type AuditInput,
  type AuditQuery,
} from './repositories/audit/audit.repository.js';
export {
  addDepartmentAlias,
  departmentIdsNamed,
  findDepartment,
  listDepartments,
  resolveDepartmentRef,
  type Department,
  type DepartmentContact,
} from './repositories/organisation/department.repository.js';
export {
  departmentUsage,
  mergeDepartments,
  renameDepartment,
  setDepartmentActive,
  setDepartmentContact,
  type DepartmentMergeResult,
  type DepartmentUsage,
  inactiveDepartmentName,
} from './repositories/organisation/department-registry.repository.js';
export {
  indicatorKeysOwnedBy,
  listIndicatorOwnerSets,
  ownerIdsByIndicatorKey,
  planRegionCode,
  plansWithoutOwners,
  seedIndicatorOwners,
  setIndicatorOwners,
  type IndicatorOwner,
  type IndicatorOwnerSet,
  type OwnerAssignment,
} from './repositories/organisation/indicator-owner.repository.js';
export {
  editIndicator,
  linkIndicatorToParent,
  listFrameworkEdits,
  type IndicatorEdit,
} from './repositories/plan/framework.repository.js';
export type {
  FieldChange,
  IndicatorChange,
  IndicatorDiff,
  IndicatorDiffEntry,
  TaskDiff,
} from './repositories/plan/plan-diff.js';
export { defaultPlanSlug, indicatorKeyOf, normalizeKey } from './repositories/plan/plan-keys.js';
export {
  confirmPlanVersion,
  latestVersionId,
  listIndicators,
  listPlanVersions,
  listPlans,
  listTasks,
  type IndicatorRow,
  type PlanSummaryRow,
  type PlanVersionRow,
  type TaskRow,
} from './repositories/plan/plan-query.repository.js';
export {
  importPlanVersion,
  type ImportPlanVersionInput,
  type PlanImportResult,
} from './repositories/plan/plan.repository.js';
export type { Alongside, Revision, RevisionMeta } from './repositories/records/review-flow.js';
export type { SelfReviewGround } from './repositories/records/four-eyes.js';
/** Per-plan review rules: may a planning office user decide what they entered for a department. */
export {
  getReviewSettings,
  putReviewSettings,
  type ReviewSettings,
  type ReviewSettingsInput,
} from './repositories/records/review-settings.repository.js';
export type * from './schema/review-settings-tables.schema.js';
/** The clock of stored timestamps; `plantrack demo` dates its simulated history with it. */
export { withSimulatedClock } from './support/clock.js';
/** Facts about the database as a whole: is it a demo database (`plantrack demo`). */
export {
  type DemoTargetState,
  demoTargetState,
  isDemoDatabase,
  isEmptyDatabase,
  markDemoDatabase,
} from './repositories/instance/instance-settings.repository.js';
export type * from './schema/instance-settings-tables.schema.js';
export { search, type SearchHit, type SearchOptions } from './repositories/search/search.repository.js';
export type { SearchAudience } from './repositories/search/search-audience.js';
export { taskOwnerIds } from './repositories/organisation/task-owner.repository.js';
export {
  setTaskOwners,
  type TaskOwnerAssignment,
} from './repositories/organisation/task-owner-write.repository.js';
export { buildSnippet, type SnippetMarks } from './repositories/search/search-snippet.js';
export { checkPeriod } from './repositories/records/period.js';
export {
  DEFAULT_ANNUAL_DUE,
  checkDate,
  daysBetween,
  dueDateOf,
  isReported,
  periodsOwed,
  reportStateOf,
  upcomingPeriod,
  type CycleRule,
  type DueRule,
  type ReportState,
  type ReportingPeriod,
} from './repositories/records/reporting-periods.js';
export {
  reportingCyclesOfPlan,
  reportingStatus,
  setReportingCycle,
  type CycleSubject,
  type OwedPeriod,
  type OwedRound,
  type ReportingCycle,
} from './repositories/records/reporting-cycle.repository.js';
export {
  closeRound,
  closedRoundsCovering,
  openRound,
  roundById,
  roundsOfPlan,
  type ClosedRoundCover,
  type OpenRoundInput,
  type ReportingRound,
  type RoundItem,
  type RoundSelection,
} from './repositories/rounds/reporting-round.repository.js';
export { frequencyOfPeriod } from './repositories/rounds/round-period.js';
export type { RoundSemantics, RoundStatus } from './schema/reporting-round-tables.schema.js';

/** Observations (监测值): `observationRepository.submit(db, …)` etc. */
export * as observationRepository from './repositories/records/observation.repository.js';
export type {
  ObservationRef,
  ObservationRevision,
  ObservationValues,
} from './repositories/records/observation.repository.js';
/** Task progress reports (进展报告), with the same review flow as observations. */
export * as progressReportRepository from './repositories/records/progress-report.repository.js';
export type {
  ProgressReportRef,
  ProgressReportRevision,
  ProgressReportValues,
} from './repositories/records/progress-report.repository.js';
/** In-app notifications (reminders, returned reports) and the log of e-mails sent for them. */
export {
  createNotificationIfAbsent,
  createNotificationsIfAbsent,
  listNotifications,
  markNotificationRead,
  unreadNotificationCount,
  type NewNotification,
  type Notification,
  type NotificationPage,
} from './repositories/notifications/notification.repository.js';
export {
  emailDeliveriesOf,
  pendingEmails,
  recordEmailDelivery,
  type PendingEmail,
} from './repositories/notifications/email-delivery.repository.js';
/** Evidence content on disk: which stored files an evidence row still needs (start-up cleanup). */
export { referencedEvidenceContent } from './repositories/evidence/evidence-content.repository.js';
/** Reference series (参照值) for relative and external targets, and per-plan assessment thresholds. */
export {
  addReferenceValue,
  createReferenceSeries,
  linkIndicatorToSeries,
  linkedReferenceSeries,
  listReferenceSeries,
  type NewReferenceSeries,
  type NewReferenceValue,
  type ReferenceSeriesRow,
  type ReferenceSeriesWithValues,
  type ReferenceValueRow,
} from './repositories/assessment/reference-series.repository.js';
export {
  getAssessmentSettings,
  putAssessmentSettings,
  type AssessmentSettingsRow,
} from './repositories/assessment/assessment-settings.repository.js';
export { REFERENCE_KINDS } from './migrations/0010-reference-series.migration.js';
export type * from './schema/reference-tables.schema.js';

/** Logical backup and restore of the whole store, portable between SQLite and PostgreSQL. */
export { writeBackup, type BackupOptions, type BackupSummary } from './backup/backup.writer.js';
export { restoreBackup, type RestoreOptions, type RestoreSummary } from './backup/restore.js';
export { verifyBackup, type VerifiedBackup } from './backup/backup.reader.js';
export type { EvidenceBackupOptions, EvidenceFileRef } from './backup/evidence.carrier.js';
export { BackupError, type BackupErrorCode } from './backup/backup.errors.js';
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './backup/backup-format.js';
export { TRANSIENT_TABLES, dataTables, type CatalogTable } from './backup/table-catalog.js';

/** API tokens (scope, expiry, last use, revocation) and password replacement. */
export {
  TOKEN_USE_RESOLUTION_MS,
  createApiToken,
  findLiveApiToken,
  listApiTokens,
  revokeApiToken,
  revokeUserApiTokens,
  type ApiToken,
  type LiveApiToken,
  type NewApiToken,
  type TokenRevocationReason,
} from './repositories/accounts/api-token.repository.js';
export {
  mustChangePassword,
  replacePassword,
  type PasswordReplacement,
} from './repositories/accounts/password.repository.js';

/** Bulk reads behind assessments and the dashboard: one indexed query (or two) per plan. */
export {
  approvedObservations,
  assessableIndicators,
  changeStamp,
  departmentNames,
  indicatorChapters,
  latestApprovedProgress,
  latestSubAnnualFigures,
  planHeader,
  planPhases,
  type ApprovedObservationRow,
  type ApprovedProgressRow,
  type SubAnnualFigureRow,
  type AssessableIndicatorRow,
  type PlanHeader,
  type PlanPhase,
} from './repositories/assessment/assessment-query.repository.js';
/** Read models of the monitoring API: review queue, values in force, indicator identity. */
export {
  approvedValues,
  indicatorIdentity,
  reviewQueue,
  type ApprovedValue,
  type QueueItem,
} from './repositories/records/monitoring-query.repository.js';
export { setIndicatorPublished } from './repositories/plan/indicator-publication.repository.js';
/** Read models of the reminder job and the return notice. */
export {
  reportersByDepartment,
  returnedRevision,
  type ReturnedRevision,
} from './repositories/notifications/notification-query.repository.js';
export { lastReportsOf, type LastReport } from './repositories/records/last-reports.repository.js';
/** Who is told of new submissions, and what the notice names. */
export {
  submissionFacts,
  type SubmissionFacts,
} from './repositories/notifications/review-notice.repository.js';
export { progressReportByIdempotencyKey } from './repositories/records/template-query.repository.js';
/** What the data-quality check of a submission reads, in one statement. */
export {
  prepareQualityInputs,
  qualityInputsApart,
  type ComparedValue,
  type QualityIndicator,
  type QualityInputs,
} from './repositories/records/quality-inputs.repository.js';
/** Stored data-quality flags of submitted observation revisions. */
export {
  qualityFlagsByKey,
  qualityFlagsOf,
  storeQualityFlags,
} from './repositories/evidence/evidence-quality.repository.js';
/** Users and roles: create, find, list, change (the last active administrator is kept). */
export {
  LastAdministratorError,
  countUsers,
  createUser,
  departmentExists,
  departmentIdsByName,
  findUserByEmail,
  findUserById,
  listUsers,
  normalizeEmail,
  updateUser,
  type NewUser,
  type UserChange,
  type UserFilter,
  type UserRecord,
} from './repositories/accounts/user.repository.js';
/** Browser session rows, keyed by the SHA-256 of the session id (the server's session store). */
export {
  deleteSession,
  deleteUserSessions,
  extendSession,
  findSession,
  insertSession,
  purgeExpiredSessions,
  type NewSession,
  type StoredSession,
} from './repositories/accounts/session.repository.js';
/** One stored plan version for the plan reader, curation and places: model, text, outline rows. */
export {
  commitmentRows,
  findPlanVersion,
  outlineNodeRows,
  planVersionContent,
  planVersionModelJson,
  planVersionSourceText,
  taskVersionOwnerRows,
  taskVersionRows,
  type PlanVersionIdentity,
  type TaskVersionOwnerRow,
} from './repositories/plan/plan-version-query.repository.js';
/** The public data export of a plan: title, baselines, values in force with their source. */
export {
  baselineJsonByIndicatorVersion,
  exportedValuesInForce,
  findPlanTitle,
  type ExportedValueRow,
} from './repositories/plan/plan-export.repository.js';
/** Small reads around the services' logic: departments by region, ids by key, what is published. */
export {
  departmentRegionCode,
  departmentRegionCodes,
  indicatorIdByKey,
  indicatorVersionNumbers,
  isDepartmentInRegion,
  observationPeriodsOf,
  publishedIndicatorCounts,
  publishedTaskIds,
  referenceSeriesSource,
  taskIdByKey,
  userDisplayNames,
  peopleLabels,
  type PersonLabel,
} from './repositories/organisation/catalog-lookup.repository.js';
/** Evaluation reports: the report with its frozen snapshot, office sections, and the snapshot's sources. */
export * from './repositories/reports/report.repository.js';
export * from './repositories/reports/report-section.repository.js';
export * from './repositories/reports/report-snapshot-source.repository.js';
export * from './repositories/reports/report-snapshot-plan.repository.js';
export * from './repositories/reports/report-transition.repository.js';
export type * from './schema/report-tables.schema.js';
export {
  REPORT_APPEND_ONLY_TABLES,
  REPORT_KIND_VALUES,
  REPORT_SECTION_VALUES,
  REPORT_STATUS_VALUES,
} from './migrations/0015-reports.migration.js';
export {
  setOwnersInBulk,
  type BulkIndicatorOwners,
  type BulkTaskOwners,
} from './repositories/organisation/owner-bulk.repository.js';
/** The major-project register (重大项目库): projects, monthly reports, issues, lifecycle, import, dashboard. */
export * from './repositories/projects/index.js';
export type * from './schema/project-tables.schema.js';
export {
  PROJECT_APPEND_ONLY_TABLES,
  PROJECT_STAGE_VALUES,
  PROJECT_STEP_VALUES,
} from './migrations/0020-projects.migration.js';
