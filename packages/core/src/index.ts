/** @plantrack/core — the pure domain: plan model, ingestion, target grammar, extractors. */
export * from './model/plan-model.schema.js';
export { ingestText, type IngestOptions } from './ingest/ingest.js';
export { IngestError, MAX_TEXT_CHARS } from './ingest/ingest-error.js';
export { summarizePlan, type PlanSummary } from './ingest/plan-summary.js';
export { parseTarget } from './target/target.grammar.js';
export { toHalfWidth } from './text/width.js';
export * from './assessment/index.js';
export * from './quality/index.js';
export * from './statistics/index.js';
export * from './records/record-kinds.js';
export * from './report/index.js';
export * from './projects/index.js';
export * from './ownership/index.js';
export {
  IMPORT_ROLES,
  checkUserRows,
  parseRoleList,
  type ImportRole,
  type UserImportCandidate,
  type UserSheetError,
  type UserSheetField,
  type UserSheetRow,
} from './people/user-import.rules.js';
