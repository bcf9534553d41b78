import type { Timestamp } from './column-types.js';

/** How a department owns an indicator: 牵头 (lead) or 配合 (co). */
export type OwnerRole = 'lead' | 'co';

/** The owner roles, as the migration fixes them. */
export const OWNER_ROLES: readonly OwnerRole[] = ['lead', 'co'];

/**
 * The owner set of one indicator, by its key (stable across the plan's versions). `version` is
 * raised on every change so an editor working from an old copy gets a conflict, not a silent
 * overwrite; the row outlives an emptied set, which is how "never assigned" differs from
 * "assigned to nobody on purpose".
 */
export interface IndicatorOwnerSetsTable {
  plan_id: string;
  indicator_key: string;
  version: number;
  updated_at: Timestamp;
  updated_by: string;
}

/** One department owning an indicator (who assigned it and when; removals are in the audit log). */
export interface IndicatorOwnersTable {
  id: string;
  plan_id: string;
  indicator_key: string;
  department_id: string;
  role: OwnerRole;
  assigned_at: Timestamp;
  assigned_by: string;
}
