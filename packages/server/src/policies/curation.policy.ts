import { type Principal, hasRole } from '../auth/principal.js';
import { canReadFramework } from './plan.policy.js';

/** The planning office (and administrators) correct what ingestion extracted and confirm versions. */
export function canCurate(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office');
}

/** Staff who read the framework also see how it was corrected and what ingestion found. */
export function canReadCuration(p: Principal): boolean {
  return canReadFramework(p);
}
