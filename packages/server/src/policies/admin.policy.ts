import { type Principal, hasRole } from '../auth/principal.js';
import { canReadFramework } from './plan.policy.js';

/** Users and roles: administrators only (they hand out every other role). */
export function canManageUsers(p: Principal): boolean {
  return hasRole(p, 'administrator');
}

/** Departments and aliases are reference data the planning office curates with administrators. */
export function canManageDepartments(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office');
}

/** Who reports which indicator: the planning office (plan owner) and administrators. */
export function canAssignOwners(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office');
}

/** Reporting cycles and due rules: the planning office and administrators. */
export function canSetReportingCycles(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office');
}

/**
 * Departments, owners and cycles are part of the framework: staff read them (a reporter sees who
 * co-owns an item and when it is due); the public role does not.
 */
export function canReadAdministration(p: Principal): boolean {
  return canReadFramework(p);
}
