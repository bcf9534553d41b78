/** The driver error code of an error thrown by better-sqlite3 or pg, if any. */
function driverCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/**
 * True when a statement failed on a UNIQUE or PRIMARY KEY constraint. Used to turn a lost race
 * (two writers appending the same revision number, or the same idempotency key) into a
 * conflict or a replay instead of an internal error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when a statement referenced a row that does not exist (a FOREIGN KEY constraint). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * True when PostgreSQL gave up a statement over a lock: a deadlock, a serialization failure or a
 * lock it could not take. Nothing is wrong with the statement; run again, it succeeds or meets the
 * ordinary conflict checks.
 */
export function isLockConflict(error: unknown): boolean {
  const code = driverCode(error);
  return code === '40P01' || code === '40001' || code === '55P03';
}
