import type { DatabaseGenerated, Fixed, JsonText, Timestamp } from './column-types.js';
import type { SearchDocKind } from '@plantrack/core';

/** One field changed on an extracted record (indicator, task, commitment): who, when, before, after. */
export interface FrameworkEditsTable {
  id: Fixed<string>;
  plan_version_id: Fixed<string>;
  entity: Fixed<string>;
  entity_id: Fixed<string>;
  field: Fixed<string>;
  before_json: Fixed<JsonText>;
  after_json: Fixed<JsonText>;
  reason: Fixed<string | null>;
  actor: Fixed<string>;
  at: Fixed<Timestamp>;
}

/** The append-only audit log: every write the monitoring service makes, with its actor. */
export interface AuditLogTable {
  id: Fixed<string>;
  at: Fixed<Timestamp>;
  actor: Fixed<string>;
  action: Fixed<string>;
  entity: Fixed<string>;
  entity_id: Fixed<string>;
  plan_id: Fixed<string | null>;
  detail_json: Fixed<JsonText>;
}

/** What a search hit is: a framework kind or a searchable record kind (core's record-kinds.ts). */
export type SearchKind = SearchDocKind;

/**
 * The text that search reads: one row per outline node, indicator and task of each plan's latest
 * version, and per progress report. A derived index, rebuilt on import; SQLite mirrors it into an
 * FTS5 trigram table, PostgreSQL indexes it with pg_trgm.
 */
export interface SearchDocumentsTable {
  /** Integer so SQLite's FTS5 external-content table can use it as its rowid. */
  doc_id: DatabaseGenerated<number>;
  kind: SearchKind;
  /** The record: outline node id, indicator id, task id, or report key. */
  ref_id: string;
  plan_id: string;
  plan_version_id: string | null;
  node_key: string | null;
  title: string;
  body: string;
  source_start: number | null;
  source_end: number | null;
}
