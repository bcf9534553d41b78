import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema/database.schema.js';

type WithObservationsAsO = Database & { o: Database['observations'] };
type WithReportsAsR = Database & { r: Database['progress_reports'] };

/**
 * `o.revision_no` is the newest *approved* revision of its observation (aliased `o` in the outer
 * query): the value in force. Used with `o.status = 'approved'` on the outer query; served by the
 * (observation_key, status, revision_no) index of migration 0010. The newest revision of any kind
 * is `isNewestRevisionOf` in record-tables.ts.
 */
export function isNewestApprovedObservation(
  eb: ExpressionBuilder<WithObservationsAsO, 'o'>,
): Expression<SqlBool> {
  return eb(
    'o.revision_no',
    '=',
    eb
      .selectFrom('observations as o2')
      .select((e) => e.fn.max('o2.revision_no').as('m'))
      .whereRef('o2.observation_key', '=', 'o.observation_key')
      .where('o2.status', '=', 'approved'),
  );
}

/** The same for progress reports (aliased `r`): the newest approved revision of its report. */
export function isNewestApprovedProgressReport(
  eb: ExpressionBuilder<WithReportsAsR, 'r'>,
): Expression<SqlBool> {
  return eb(
    'r.revision_no',
    '=',
    eb
      .selectFrom('progress_reports as r2')
      .select((e) => e.fn.max('r2.revision_no').as('m'))
      .whereRef('r2.report_key', '=', 'r.report_key')
      .where('r2.status', '=', 'approved'),
  );
}
