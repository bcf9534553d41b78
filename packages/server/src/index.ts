/**
 * @plantrack/server — the PlanTrack HTTP API (Fastify): routes → services → repositories, with
 * authentication, per-route policies and a generated OpenAPI document. See docs/adr/0003-api.md.
 */
export { createUser, findUserByEmail, type NewUser, type UserRecord } from '@plantrack/db';
export { API_VERSION, buildApp, type BuildAppOptions, type PlanTrackApp } from './app.js';
export { DEFAULT_CONFIG, resolveConfig, type ServerConfig } from './config.js';
export { OPERATION_ENV, operationConfig, type OperationOptions } from './serve-options.js';
export { openApiDocument, openApiText } from './openapi.js';
export { SAMPLE_OUTLINE_PATH, startServer, type RunningServer, type StartServerOptions } from './serve.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export {
  STATISTICS_ACTOR,
  loadStatistics,
  loadStatisticsFile,
  type LoadedFigure,
  type NotLoadedFigure,
  type StatisticsLoadResult,
} from './services/assessment/statistics.service.js';
export {
  REPORT_CLI_ACTOR,
  generateReport,
  type GenerateReportOptions,
} from './services/report/report-generate.js';
export type { ReportFile, ReportFormatName } from './services/report/report-files.js';
export { type DemoOptions, type DemoResult, DemoRefusedError, createDemoDatabase } from './demo-database.js';
export { isDemoDate } from './services/demo/demo-calendar.js';
export {
  PROJECTS_CLI_ACTOR,
  exportProjectsFile,
  importProjectsFile,
} from './services/projects/project-files.js';
export type { ProjectImportAnswer } from './services/projects/project-sheet.service.js';
