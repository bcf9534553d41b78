import type { Fixed, Flag, JsonText, Timestamp } from './column-types.js';

/** What a reference series (参照值) is: a city average, a value a higher level sets, or other. */
export type ReferenceKind = 'city-average' | 'external-target' | 'other';

/**
 * One value of a reference series for one period (migration 0010). Append-only: a correction is a
 * new row with the next `revision_no` for the same series × period, and the newest row wins.
 */
export interface ReferenceValuesTable {
  id: Fixed<string>;
  series_id: Fixed<string>;
  /** `2026` (the engine compares annual values). */
  period: Fixed<string>;
  revision_no: Fixed<number>;
  value: Fixed<number | null>;
  /** The value as published when it is not (only) a number. */
  value_text: Fixed<string | null>;
  estimated: Fixed<Flag>;
  source: Fixed<string | null>;
  /** Why a correction was made. */
  note: Fixed<string | null>;
  recorded_at: Fixed<Timestamp>;
  recorded_by: Fixed<string>;
}

/** The reference series an indicator (by its stable key) is compared with; one per indicator. */
export interface IndicatorReferenceLinksTable {
  id: string;
  plan_id: string;
  indicator_key: string;
  series_id: string;
  linked_at: Timestamp;
  linked_by: string;
}

/** The planning office's assessment thresholds for a plan (a full `AssessmentThresholds` as JSON). */
export interface AssessmentSettingsTable {
  plan_id: string;
  thresholds_json: JsonText;
  /** Raised on every change: the optimistic-concurrency token of the settings. */
  revision_no: number;
  updated_at: Timestamp;
  updated_by: string;
}
