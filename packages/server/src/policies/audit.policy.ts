import { type Principal, hasRole } from '../auth/principal.js';

export function canReadAudit(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office');
}
