/** The major-project register (重大项目库): storage of projects, their reports, issues and lifecycle. */
export * from './project-write.repository.js';
export * from './project-batch-write.repository.js';
export * from './project-read.repository.js';
export * from './project-lifecycle.repository.js';
export * from './project-report.repository.js';
export * from './project-import.repository.js';
export * from './project-dashboard.repository.js';
export * from './project-report-snapshot.repository.js';
export * from './project-reminder.repository.js';
export * from './project-bulk.repository.js';
