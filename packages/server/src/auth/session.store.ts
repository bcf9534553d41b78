import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '@plantrack/db';

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
    await this.db.deleteFrom('sessions').where('expires_at', '<=', iso(now)).execute();
    const session: Session = {
      id: randomToken(),
      userId,
      csrfToken: randomToken(),
      expiresAt: now + this.ttlMs,
    };
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: hashSessionId(session.id),
        user_id: userId,
        csrf_token: session.csrfToken,
        created_at: iso(now),
        last_seen_at: iso(now),
        expires_at: iso(session.expiresAt),
      })
      .execute();
    return session;
  }

  /** The live session with this id (its expiry is extended), or undefined; an expired one is removed. */
  async get(id: string): Promise<Session | undefined> {
    const idHash = hashSessionId(id);
    const row = await this.db
      .selectFrom('sessions')
      .select(['user_id', 'csrf_token', 'expires_at'])
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const now = this.now();
    let expiresAt = Date.parse(row.expires_at);
    if (!(expiresAt > now)) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return undefined;
    }
    if (now + this.ttlMs - expiresAt >= this.refreshMs) {
      expiresAt = now + this.ttlMs;
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: iso(now), expires_at: iso(expiresAt) })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return { id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt };
  }

  /** Ends one session (sign-out). */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(id)).execute();
  }

  /** Ends every session of a user (deactivation, a removed account). */
  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
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
