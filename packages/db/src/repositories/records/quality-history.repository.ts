/**
 * The approved values in force of every period of one indicator: the history the pre-submission
 * quality checks compare a new value with (core quality-history.ts).
 */
import type { DatabaseHandle } from '../../connection.factory.js';
import { isNewestApprovedObservation } from '../../support/newest-revision.js';
import type { ComparedValue } from './quality-inputs.repository.js';

type Db = DatabaseHandle['db'];

/** Every approved value in force of the indicator, oldest period first (all scopes). */
export async function approvedHistory(db: Db, indicatorId: string): Promise<ComparedValue[]> {
  const rows = await db
    .selectFrom('observations as o')
    .select(['o.period', 'o.scope', 'o.value'])
    .where('o.indicator_id', '=', indicatorId)
    .where('o.status', '=', 'approved')
    .where(isNewestApprovedObservation)
    .orderBy('o.period')
    .orderBy('o.scope')
    .execute();
  return rows.map((r) => ({ period: r.period, scope: r.scope, value: r.value }));
}
