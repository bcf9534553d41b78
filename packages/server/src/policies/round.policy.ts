import { type Principal, hasRole } from '../auth/principal.js';
import { canReadAdministration, canSetReportingCycles } from './admin.policy.js';

/** Opening and closing reporting rounds: the planning office and administrators, like cycles. */
export function canManageRounds(p: Principal): boolean {
  return canSetReportingCycles(p);
}

/** The list of rounds is part of the monitoring set-up every staff member reads (not the public). */
export function canReadRounds(p: Principal): boolean {
  return canReadAdministration(p);
}

/**
 * Whose progress in a round a caller sees: the office, administrators, leaders and reviewers see
 * every department; a department reporter sees only the rows of their own departments.
 */
export function roundProgressScope(p: Principal): 'all' | 'own' | 'none' {
  if (hasRole(p, 'administrator', 'planning_office', 'leader', 'reviewer')) return 'all';
  if (hasRole(p, 'department_reporter')) return 'own';
  return 'none';
}
