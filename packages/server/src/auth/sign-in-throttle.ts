import { ApiError } from '../errors.js';

/** Keys remembered at most; past this the expired ones go, then the oldest. */
const MAX_KEYS = 50_000;

/**
 * Failed sign-ins per account (the e-mail address being tried, whoever sends it), so that
 * guessing one account's password from many addresses is limited too, while one address's
 * failures never lock out other users behind the same proxy. In memory, per process.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: { max: number; timeWindowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuses with 429 when the account has failed `max` times within the window. */
  check(email: string): void {
    const entry = this.current(keyOf(email));
    if (entry === undefined || entry.count < this.limit.max) return;
    const seconds = Math.ceil((entry.resetAt - this.now()) / 1000);
    throw new ApiError(429, 'account-rate-limited', {
      zh: `该账号登录失败次数过多，请在 ${seconds} 秒后重试。`,
      en: `Too many failed sign-ins for this account; try again in ${seconds} s.`,
    });
  }

  /** Counts a failed attempt on the account. */
  failed(email: string): void {
    const key = keyOf(email);
    const entry = this.current(key);
    if (entry !== undefined) {
      entry.count += 1;
      return;
    }
    if (this.failures.size >= MAX_KEYS) this.prune();
    this.failures.set(key, { count: 1, resetAt: this.now() + this.limit.timeWindowMs });
  }

  /** A successful sign-in clears the account's count. */
  succeeded(email: string): void {
    this.failures.delete(keyOf(email));
  }

  private current(key: string): { count: number; resetAt: number } | undefined {
    const entry = this.failures.get(key);
    if (entry === undefined || entry.resetAt > this.now()) return entry;
    this.failures.delete(key);
    return undefined;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
    // Still full: forget the oldest (a Map iterates in insertion order).
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_KEYS) break;
      this.failures.delete(key);
    }
  }
}

function keyOf(email: string): string {
  return email.trim().toLowerCase();
}
