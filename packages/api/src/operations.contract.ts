import { z } from 'zod';

/** An HTTP method the API answers. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Every operation of the API by its `operationId`, with its method and its path as the OpenAPI
 * document writes it. The ids are part of the contract: clients generated from docs/openapi.json
 * name their functions after them, so an id is never renamed once published. The server puts them
 * into the document, and a test checks that every route has one and every entry a route.
 */
export const operations = {
  signIn: { method: 'POST', path: '/api/auth/sign-in' },
  signOut: { method: 'POST', path: '/api/auth/sign-out' },
  getMe: { method: 'GET', path: '/api/me' },
  getPasswordPolicy: { method: 'GET', path: '/api/auth/password-policy' },
  getInstance: { method: 'GET', path: '/api/instance' },
  getDepartmentSummary: { method: 'GET', path: '/api/plans/{planId}/departments/{departmentId}/summary' },
  changeOwnPassword: { method: 'POST', path: '/api/me/password' },
  createOwnToken: { method: 'POST', path: '/api/me/tokens' },
  listOwnTokens: { method: 'GET', path: '/api/me/tokens' },
  revokeOwnToken: { method: 'DELETE', path: '/api/me/tokens/{tokenId}' },
  listUserTokens: { method: 'GET', path: '/api/admin/users/{id}/tokens' },
  revokeUserToken: { method: 'DELETE', path: '/api/admin/users/{id}/tokens/{tokenId}' },
  listPlans: { method: 'GET', path: '/api/plans' },
  listIndicators: { method: 'GET', path: '/api/plans/{planId}/indicators' },
  getIndicator: { method: 'GET', path: '/api/indicators/{id}' },
  editIndicator: { method: 'PATCH', path: '/api/indicators/{id}' },
  setIndicatorPublished: { method: 'PATCH', path: '/api/indicators/{id}/publish' },
  listTasks: { method: 'GET', path: '/api/plans/{planId}/tasks' },
  importPlanText: { method: 'POST', path: '/api/plans/import' },
  importPlanFile: { method: 'POST', path: '/api/plans/import/file' },
  listPublicIndicators: { method: 'GET', path: '/api/public/plans/{planId}/indicators' },
  exportPublicPlanJson: { method: 'GET', path: '/api/public/plans/{planId}/export.json' },
  exportPublicPlanCsv: { method: 'GET', path: '/api/public/plans/{planId}/export.csv' },
  getPlanOutline: { method: 'GET', path: '/api/plans/{planId}/outline' },
  listIndicatorEdits: { method: 'GET', path: '/api/indicators/{id}/edits' },
  listPlanVersions: { method: 'GET', path: '/api/plans/{planId}/versions' },
  getPlanVersionDiff: { method: 'GET', path: '/api/plans/{planId}/versions/{versionId}/diff' },
  confirmPlanVersion: { method: 'POST', path: '/api/plans/{planId}/versions/{versionId}/confirm' },
  listPlanFindings: { method: 'GET', path: '/api/plans/{planId}/findings' },
  saveObservation: { method: 'POST', path: '/api/observations' },
  approveObservation: { method: 'POST', path: '/api/observations/{key}/approve' },
  returnObservation: { method: 'POST', path: '/api/observations/{key}/return' },
  correctObservation: { method: 'POST', path: '/api/observations/{key}/correct' },
  getObservationHistory: { method: 'GET', path: '/api/observations/{key}/history' },
  saveProgressReport: { method: 'POST', path: '/api/progress-reports' },
  approveProgressReport: { method: 'POST', path: '/api/progress-reports/{key}/approve' },
  returnProgressReport: { method: 'POST', path: '/api/progress-reports/{key}/return' },
  correctProgressReport: { method: 'POST', path: '/api/progress-reports/{key}/correct' },
  getProgressReportHistory: { method: 'GET', path: '/api/progress-reports/{key}/history' },
  getReviewSettings: { method: 'GET', path: '/api/plans/{planId}/review-settings' },
  setReviewSettings: { method: 'PUT', path: '/api/plans/{planId}/review-settings' },
  uploadObservationEvidence: { method: 'POST', path: '/api/observations/{key}/evidence' },
  listObservationEvidence: { method: 'GET', path: '/api/observations/{key}/evidence' },
  uploadProgressReportEvidence: { method: 'POST', path: '/api/progress-reports/{key}/evidence' },
  listProgressReportEvidence: { method: 'GET', path: '/api/progress-reports/{key}/evidence' },
  downloadEvidence: { method: 'GET', path: '/api/evidence/{id}' },
  withdrawEvidence: { method: 'POST', path: '/api/evidence/{id}/withdraw' },
  redactEvidence: { method: 'POST', path: '/api/evidence/{id}/redact' },
  listMyItems: { method: 'GET', path: '/api/my/items' },
  listReviewQueue: { method: 'GET', path: '/api/review/queue' },
  search: { method: 'GET', path: '/api/search' },
  listAudit: { method: 'GET', path: '/api/audit' },
  listMyPeriods: { method: 'GET', path: '/api/my/periods' },
  listMissingReports: { method: 'GET', path: '/api/plans/{planId}/missing-reports' },
  downloadMyTemplate: { method: 'GET', path: '/api/my/template.xlsx' },
  uploadMyTemplate: { method: 'POST', path: '/api/my/template.xlsx' },
  listReferenceSeries: { method: 'GET', path: '/api/plans/{planId}/reference-series' },
  createReferenceSeries: { method: 'POST', path: '/api/plans/{planId}/reference-series' },
  addReferenceValue: { method: 'POST', path: '/api/reference-series/{seriesId}/values' },
  linkReferenceSeries: { method: 'PUT', path: '/api/indicators/{id}/reference-series' },
  getDashboard: { method: 'GET', path: '/api/plans/{planId}/dashboard' },
  getIndicatorAssessment: { method: 'GET', path: '/api/indicators/{id}/assessment' },
  getAssessmentSettings: { method: 'GET', path: '/api/plans/{planId}/assessment-settings' },
  setAssessmentSettings: { method: 'PUT', path: '/api/plans/{planId}/assessment-settings' },
  getPublicDashboard: { method: 'GET', path: '/api/public/plans/{planId}/dashboard' },
  getPublicIndicatorAssessment: { method: 'GET', path: '/api/public/indicators/{id}/assessment' },
  listMyNotifications: { method: 'GET', path: '/api/my/notifications' },
  countMyUnreadNotifications: { method: 'GET', path: '/api/my/notifications/unread-count' },
  markNotificationRead: { method: 'POST', path: '/api/my/notifications/{id}/read' },
  runReminders: { method: 'POST', path: '/api/reminders/run' },
  listUsers: { method: 'GET', path: '/api/admin/users' },
  createUser: { method: 'POST', path: '/api/admin/users' },
  updateUser: { method: 'PATCH', path: '/api/admin/users/{id}' },
  listDepartments: { method: 'GET', path: '/api/departments' },
  createDepartment: { method: 'POST', path: '/api/departments' },
  addDepartmentAlias: { method: 'POST', path: '/api/departments/{id}/aliases' },
  listIndicatorOwners: { method: 'GET', path: '/api/plans/{planId}/indicator-owners' },
  setIndicatorOwners: { method: 'PUT', path: '/api/indicators/{id}/owners' },
  setTaskOwners: { method: 'PUT', path: '/api/tasks/{id}/owners' },
  listReportingCycles: { method: 'GET', path: '/api/plans/{planId}/reporting-cycles' },
  setReportingCycle: { method: 'PUT', path: '/api/plans/{planId}/reporting-cycles/{subjectKind}/{key}' },
  listPublicPlans: { method: 'GET', path: '/api/public/plans' },
  listPlanPlaces: { method: 'GET', path: '/api/plans/{planId}/places' },
  createReport: { method: 'POST', path: '/api/plans/{planId}/reports' },
  listReports: { method: 'GET', path: '/api/plans/{planId}/reports' },
  getReport: { method: 'GET', path: '/api/reports/{id}' },
  downloadReport: { method: 'GET', path: '/api/reports/{id}/file' },
  listReportSections: { method: 'GET', path: '/api/reports/{id}/sections' },
  writeReportSection: { method: 'PUT', path: '/api/reports/{id}/sections/{key}' },
  getReportSectionHistory: { method: 'GET', path: '/api/reports/{id}/sections/{key}/history' },
  submitReport: { method: 'POST', path: '/api/reports/{id}/submit' },
  approveReport: { method: 'POST', path: '/api/reports/{id}/approve' },
  returnReport: { method: 'POST', path: '/api/reports/{id}/return' },
  publishReport: { method: 'POST', path: '/api/reports/{id}/publish' },
  listPublicReports: { method: 'GET', path: '/api/public/plans/{planId}/reports' },
  downloadPublicReport: { method: 'GET', path: '/api/public/reports/{id}/file' },
  listOwnerSuggestions: { method: 'GET', path: '/api/plans/{planId}/owner-suggestions' },
  setOwnersInBulk: { method: 'PUT', path: '/api/plans/{planId}/owners' },
  listRounds: { method: 'GET', path: '/api/plans/{planId}/rounds' },
  openRound: { method: 'POST', path: '/api/plans/{planId}/rounds' },
  getRoundProgress: { method: 'GET', path: '/api/plans/{planId}/rounds/{roundId}/progress' },
  closeRound: { method: 'POST', path: '/api/plans/{planId}/rounds/{roundId}/close' },
  changeDepartment: { method: 'PATCH', path: '/api/departments/{id}' },
  mergeDepartment: { method: 'POST', path: '/api/departments/{id}/merge' },
  downloadUserImportTemplate: { method: 'GET', path: '/api/admin/users/import-template.xlsx' },
  importUsers: { method: 'POST', path: '/api/admin/users/import' },
  listMyOverview: { method: 'GET', path: '/api/my/overview' },
  checkObservationQuality: { method: 'POST', path: '/api/observations/check' },
  exportAuditXlsx: { method: 'GET', path: '/api/audit/export.xlsx' },
  exportAuditCsv: { method: 'GET', path: '/api/audit/export.csv' },
  listAuditActors: { method: 'GET', path: '/api/audit/actors' },
  approveReviewBatch: { method: 'POST', path: '/api/review/approve-batch' },
  listProjects: { method: 'GET', path: '/api/plans/{planId}/projects' },
  createProject: { method: 'POST', path: '/api/plans/{planId}/projects' },
  getProjectsDashboard: { method: 'GET', path: '/api/plans/{planId}/projects/dashboard' },
  importProjects: { method: 'POST', path: '/api/plans/{planId}/projects/import' },
  exportProjects: { method: 'GET', path: '/api/plans/{planId}/projects/export.xlsx' },
  listPublicProjects: { method: 'GET', path: '/api/public/plans/{planId}/projects' },
  getProject: { method: 'GET', path: '/api/projects/{id}' },
  updateProject: { method: 'PUT', path: '/api/projects/{id}' },
  transitionProject: { method: 'POST', path: '/api/projects/{id}/transitions' },
  addProjectIssue: { method: 'POST', path: '/api/projects/{id}/issues' },
  resolveProjectIssue: { method: 'POST', path: '/api/projects/{id}/issues/{issueId}/resolve' },
  evaluateProject: { method: 'POST', path: '/api/projects/{id}/evaluation' },
  writeProjectReport: { method: 'POST', path: '/api/projects/{id}/reports' },
  reviewProjectReport: { method: 'POST', path: '/api/projects/{id}/reports/review' },
} as const satisfies Record<string, { method: HttpMethod; path: string }>;

/** The name of one operation of the API. */
export type OperationId = keyof typeof operations;

const byRoute = new Map<string, OperationId>(
  Object.entries(operations).map(([id, op]) => [`${op.method} ${op.path}`, id as OperationId]),
);

/** The operationId of a method and an OpenAPI path (`/api/plans/{planId}`); undefined when none is declared. */
export function operationIdOf(method: string, path: string): OperationId | undefined {
  return byRoute.get(`${method.toUpperCase()} ${path}`);
}

/**
 * The body of every upload route (multipart/form-data with one part named `file`). Documentation
 * only: the routes read the part as a stream within their size limit rather than validate a body.
 */
export const UploadFileBodySchema = z.object({
  file: z.string().meta({ format: 'binary' }).describe('The file (form field `file`)'),
});
