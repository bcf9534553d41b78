import { sql } from 'kysely';
import type { DatabaseHandle } from '../connection.factory.js';

/**
 * PostgreSQL only: ends every other connection to this database (`pg_terminate_backend`), as an
 * administrator or a server restart would, and returns how many were ended. For fault tests.
 */
export async function terminateOtherConnections(db: DatabaseHandle['db']): Promise<number> {
  const result = await sql<{ ended: boolean }>`
    select pg_terminate_backend(pid) as ended from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
  return result.rows.filter((r) => r.ended).length;
}
