import type { Role } from '@plantrack/db';

/** What an API token principal may do beyond its roles. */
export type TokenScope = {
  /** The token's id, so revoking it forgets it at once. */
  id: string;
  /** Only GET, HEAD and OPTIONS (refused in one place: `enforceScope`). */
  readOnly: boolean;
};

/** Who is making a request: a signed-in user (session cookie or API token) or nobody. */
export type Principal = {
  userId: string | null;
  /** For a token: the roles it was issued with that its owner still holds. */
  roles: readonly Role[];
  departmentIds: readonly string[];
  via: 'session' | 'token' | 'anonymous';
  /** Set for token principals. */
  token?: TokenScope;
  /** An administrator set this user's password: only changing it is open until it is changed. */
  mustChangePassword?: boolean;
};

export const ANONYMOUS: Principal = { userId: null, roles: [], departmentIds: [], via: 'anonymous' };

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/** The actor name written to revisions and the audit log. */
export function actorOf(principal: Principal): string {
  return principal.userId ?? 'anonymous';
}
