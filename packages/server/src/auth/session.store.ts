import { randomBytes } from 'node:crypto';

/** A signed-in browser session and its CSRF token. */
export type Session = { id: string; userId: string; csrfToken: string; expiresAt: number };

/**
 * Sessions in memory, keyed by a random 256-bit id sent in an httpOnly cookie. The store has no
 * sessions table yet; keeping them in the process means signing out and expiry take effect
 * immediately (a signed cookie could not be revoked), at the cost of signing everyone out on
 * restart and of not sharing sessions between several server processes.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(ttlMs: number, now: () => number = Date.now) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  create(userId: string): Session {
    this.prune();
    const session: Session = {
      id: randomToken(),
      userId,
      csrfToken: randomToken(),
      expiresAt: this.now() + this.ttlMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (its expiry is extended), or undefined. */
  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    session.expiresAt = this.now() + this.ttlMs;
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
