import type { DatabaseHandle } from '../../connection.factory.js';

/**
 * Browser session rows (`sessions`, migration 0008). The server's session store decides ids,
 * hashing and sliding expiry; these functions only read and write rows keyed by the SHA-256 of the
 * id, so the id itself never reaches the database. Times are ISO-8601 strings.
 */
type Db = DatabaseHandle['db'];

/** A session row as the store needs it back. */
export type StoredSession = { userId: string; csrfToken: string; expiresAt: string };

/** A session row to insert. */
export type NewSession = {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
};

/** Removes every session (anyone's) whose expiry is at or before `at`. */
export async function purgeExpiredSessions(db: Db, at: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', at).execute();
}

/** Stores a new session; it was last seen when it was created. */
export async function insertSession(db: Db, session: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session stored under this id hash, expired or not, or undefined. */
export async function findSession(db: Db, idHash: string): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** Moves a session's expiry (sliding window) and records when it was last seen. */
export async function extendSession(
  db: Db,
  idHash: string,
  seenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: seenAt, expires_at: expiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

/** Ends one session (sign-out, or an expired one found on use). */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (deactivation, a removed account). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
