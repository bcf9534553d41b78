import { type Principal, hasRole } from '../auth/principal.js';
import { canReadMyItems } from './record.policy.js';

/** What my department owes (periods, due dates, states): department reporters, like "my items". */
export function canReadMyPeriods(p: Principal): boolean {
  return canReadMyItems(p);
}

/**
 * The Excel template round trip (download pre-filled, upload drafts or submissions): department
 * reporters for their own department's indicators. Ownership of every row is checked on upload.
 */
export function canUseMyTemplate(p: Principal): boolean {
  return canReadMyItems(p);
}

/** "Who has not reported" across departments: the planning office, leaders and administrators. */
export function canReadMissingReports(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office', 'leader');
}

/**
 * A department's one-page summary: that department's own reporters and the planning office; not
 * other departments, reviewers, leaders or the public.
 */
export function canDownloadDepartmentSummary(p: Principal, departmentId: string): boolean {
  if (hasRole(p, 'planning_office')) return true;
  return hasRole(p, 'department_reporter') && p.departmentIds.includes(departmentId);
}
