import type { Principal } from '../auth/principal.js';
import { canReadFramework } from './plan.policy.js';

/** Everyone may search; what they see depends on {@link searchSeesUnpublished}. */
export function canSearch(p: Principal): boolean {
  return p.via === 'anonymous' || p.userId !== null;
}

/** Staff see every hit; the public (signed in or not) sees published indicators and tasks only. */
export function searchSeesUnpublished(p: Principal): boolean {
  return canReadFramework(p);
}
