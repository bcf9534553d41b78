import type { Flag, Timestamp } from './column-types.js';

/** A plan's review rules, kept by the planning office (migration 0014); no row means the defaults. */
export interface ReviewSettingsTable {
  plan_id: string;
  /**
   * 1: a planning office user who entered data on a department's behalf may approve or return it
   * themselves (a one-person office); 0: another reviewer must (four-eyes, the default).
   */
  office_self_review: Flag;
  /** 1: every submitted value should come with evidence; without, it carries `evidence-missing` (0021). */
  evidence_required: Flag;
  /** Raised on every change: the optimistic-concurrency token of the settings. */
  revision_no: number;
  updated_at: Timestamp;
  updated_by: string;
}
