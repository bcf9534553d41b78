import type { Timestamp } from './column-types.js';
import type { Frequency } from './monitoring-tables.schema.js';

/** What a round's figure means for its period (口径 of time): the period's own value or year to date. */
export type RoundSemantics = 'annual_value' | 'year_to_date';

/** A round is open (departments owe its period) or closed (late figures are marked as such). */
export type RoundStatus = 'open' | 'closed';

/**
 * A reporting round (填报轮次, migration 0018): the planning office asks chosen indicators and tasks
 * for one period by one due date. Rounds, not per-item cycles, decide what a plan's items owe once
 * the plan has any round (docs/methodology.md, "Reporting rounds").
 */
export interface ReportingRoundsTable {
  id: string;
  plan_id: string;
  name: string;
  /** `2026`, `2026Q1` or `2026-03`; matches `frequency`. */
  period: string;
  frequency: Frequency;
  due_date: string;
  reminder_days: number;
  semantics: RoundSemantics;
  /** How the items were chosen (`{"mode":"all"}`, by list, by departments), for the record. */
  selection_json: string;
  status: RoundStatus;
  opened_at: Timestamp;
  opened_by: string;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

/** One indicator or task a round covers (ids are the stable identities of `indicators` / `tasks`). */
export interface ReportingRoundItemsTable {
  round_id: string;
  subject_kind: 'indicator' | 'task';
  subject_id: string;
}
