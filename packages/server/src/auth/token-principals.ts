import type { Principal } from './principal.js';

/**
 * API tokens resolved to principals, remembered briefly: machine clients send their token with
 * every request, and resolving one costs three queries (token, user, roles). A change made through
 * this process forgets the entries it concerns at once: a revoked token, every token of a user whose
 * roles, password or active flag changed (see user-admin.service.ts, token.service.ts). One made by
 * another process — a deactivated user, a changed role — takes effect here within `ttlMs`. An
 * entry never outlives its token's own expiry.
 */
export class TokenPrincipals {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  /** Bumped by every forget, so a lookup that raced with a revocation is not remembered. */
  private forgets = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(tokenHash);
    if (entry === undefined) return undefined;
    if (now < entry.until) return entry.principal;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** Taken before a token is looked up in the store, and handed back to {@link remember}. */
  generation(): number {
    return this.forgets;
  }

  /**
   * Remembers a resolved token, unless something was forgotten since `generation` was taken: the
   * lookup may have read the token or its user just before a revocation committed.
   */
  remember(
    tokenHash: string,
    principal: Principal,
    tokenExpiresAt: string | null,
    now = Date.now(),
    generation = this.forgets,
  ): void {
    if (this.ttlMs <= 0 || generation !== this.forgets) return;
    const expires = tokenExpiresAt === null ? Infinity : Date.parse(tokenExpiresAt);
    if (this.entries.size >= this.maxEntries) this.entries.clear(); // Rare; the next requests refill it.
    this.entries.set(tokenHash, { principal, until: Math.min(now + this.ttlMs, expires) });
  }

  /** After a token was revoked. */
  forgetToken(tokenId: string): void {
    this.forgetWhere((p) => p.token?.id === tokenId);
  }

  /** After a user's roles, department, password or active flag changed. */
  forgetUser(userId: string): void {
    this.forgetWhere((p) => p.userId === userId);
  }

  /** After a change that may concern anyone. */
  forgetAll(): void {
    this.forgets += 1;
    this.entries.clear();
  }

  private forgetWhere(test: (p: Principal) => boolean): void {
    this.forgets += 1;
    for (const [hash, entry] of this.entries) if (test(entry.principal)) this.entries.delete(hash);
  }
}
