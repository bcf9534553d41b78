import type { Timestamp } from './column-types.js';

/** Facts about the database as a whole (migration 0016), e.g. `demo` = `true` for a demo database. */
export interface InstanceSettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}
