import { createHash, randomBytes } from 'node:crypto';
import {
  type DatabaseHandle,
  deleteSession,
  deleteUserSessions,
  extendSession,
  findSession,
  insertSession,
  purgeExpiredSessions,
} from '@plantrack/db';

/** A signed-in browser session and its CSRF token. */
export type Session = { id: string; userId: string; csrfToken: string; expiresAt: number };

type Db = DatabaseHandle['db'];

/**
 * Sessions in the database (`sessions`, migration 0008), keyed by a random 256-bit id sent in an
 * httpOnly cookie: signing in survives a restart and is shared by every server process on the same
 * store, while signing out and deactivation still take effect at once (a signed cookie could not be
 * revoked). Only a SHA-256 of the id is stored, so reading the table or a backup signs nobody in.
 *
 * Expiry slides: each use moves it `ttlMs` ahead. To spare a write on every request, the stored
 * expiry is only moved once it has fallen `refreshMs` behind (at most a minute), so a session may
 * end up to that much earlier than an exact sliding window would.
 */
export class SessionStore {
  private readonly db: Db;
  private readonly ttlMs: number;
  private readonly refreshMs: number;
  private readonly now: () => number;

  constructor(db: Db, ttlMs: number, now: () => number = Date.now) {
    this.db = db;
    this.ttlMs = ttlMs;
    this.refreshMs = Math.min(60_000, Math.floor(ttlMs / 10));
    this.now = now;
  }

  /** Opens a session for a user; expired sessions of anyone are purged on the way. */
  async create(userId: string): Promise<Session> {
    const now = this.now();
    await purgeExpiredSessions(this.db, iso(now));
    const session: Session = {
      id: randomToken(),
      userId,
      csrfToken: randomToken(),
      expiresAt: now + this.ttlMs,
    };
    await insertSession(this.db, {
      idHash: hashSessionId(session.id),
      userId,
      csrfToken: session.csrfToken,
      createdAt: iso(now),
      expiresAt: iso(session.expiresAt),
    });
    return session;
  }

  /** The live session with this id (its expiry is extended), or undefined; an expired one is removed. */
  async get(id: string): Promise<Session | undefined> {
    const idHash = hashSessionId(id);
    const row = await findSession(this.db, idHash);
    if (row === undefined) return undefined;
    const now = this.now();
    let expiresAt = Date.parse(row.expiresAt);
    if (!(expiresAt > now)) {
      await deleteSession(this.db, idHash);
      return undefined;
    }
    if (now + this.ttlMs - expiresAt >= this.refreshMs) {
      expiresAt = now + this.ttlMs;
      await extendSession(this.db, idHash, iso(now), iso(expiresAt));
    }
    return { id, userId: row.userId, csrfToken: row.csrfToken, expiresAt };
  }

  /** Ends one session (sign-out). */
  async delete(id: string): Promise<void> {
    await deleteSession(this.db, hashSessionId(id));
  }

  /** Ends every session of a user (deactivation, a removed account). */
  async deleteForUser(userId: string): Promise<void> {
    await deleteUserSessions(this.db, userId);
  }
}

/** What the store keeps instead of the session id. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function iso(millis: number): string {
  return new Date(millis).toISOString();
}
