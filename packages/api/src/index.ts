/**
 * The HTTP contract of PlanTrack: the zod schema of every request and response. The server
 * validates with these schemas and generates the OpenAPI document from them; the web imports
 * their inferred types (type-only, so zod stays out of the bundle).
 */
export * from './common.contract.js';
export * from './assessment.contract.js';
export * from './dashboard.contract.js';
export * from './evidence.contract.js';
export * from './plan.contract.js';
export * from './record.contract.js';
export * from './operations.contract.js';
export * from './auth.contract.js';
export * from './outline.contract.js';
export * from './curation.contract.js';
export * from './departments.contract.js';
export * from './export.contract.js';
export * from './notification.contract.js';
export * from './places.contract.js';
export * from './reporting.contract.js';
export * from './public-plans.contract.js';
export * from './review-settings.contract.js';
export * from './reporting-cycles.contract.js';
export * from './work.contract.js';
export * from './tokens.contract.js';
export * from './indicator-owners.contract.js';
export * from './task-owners.contract.js';
export * from './reference-series.contract.js';
export * from './admin-users.contract.js';
export * from './report.contract.js';
export * from './instance.contract.js';
export * from './department-summary.contract.js';
export * from './ownership.contract.js';
export * from './reporting-rounds.contract.js';
export * from './user-import.contract.js';
export * from './my-overview.contract.js';
export * from './quality-check.contract.js';
export * from './review-batch.contract.js';
export * from './projects.contract.js';
