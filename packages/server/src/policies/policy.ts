import { forbidden, unauthenticated } from '../errors.js';
import type { Principal } from '../auth/principal.js';

/**
 * Turns a policy decision into the response: nobody signed in → 401, signed in but not allowed →
 * 403. Every route handler (through its service) calls exactly one policy before doing anything.
 */
export function enforce(principal: Principal, allowed: boolean): void {
  if (allowed) return;
  throw principal.via === 'anonymous' ? unauthenticated() : forbidden();
}

/** Requires a signed-in principal of any role. */
export function requireSignedIn(principal: Principal): void {
  enforce(principal, principal.userId !== null);
}
