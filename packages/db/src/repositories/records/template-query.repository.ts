import type { DatabaseHandle } from '../../connection.factory.js';
import type { ReviewStatus } from '../../schema/monitoring-tables.schema.js';

type Db = DatabaseHandle['db'];

/**
 * The progress-report revision an idempotency key produced, if any: tells a re-uploaded template
 * row (already saved by the same file) from a new one before anything is written.
 */
export async function progressReportByIdempotencyKey(
  db: Db,
  idempotencyKey: string,
): Promise<{ revisionNo: number; status: ReviewStatus } | undefined> {
  return db
    .selectFrom('progress_reports')
    .select(['revision_no as revisionNo', 'status'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}
