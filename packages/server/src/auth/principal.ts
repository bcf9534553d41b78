import type { Role } from '@plantrack/db';

/** Who is making a request: a signed-in user (session cookie or API token) or nobody. */
export type Principal = {
  userId: string | null;
  roles: readonly Role[];
  departmentIds: readonly string[];
  via: 'session' | 'token' | 'anonymous';
};

export const ANONYMOUS: Principal = { userId: null, roles: [], departmentIds: [], via: 'anonymous' };

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/** The actor name written to revisions and the audit log. */
export function actorOf(principal: Principal): string {
  return principal.userId ?? 'anonymous';
}
