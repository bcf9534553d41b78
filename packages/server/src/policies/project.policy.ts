import { type Principal, hasRole } from '../auth/principal.js';

/**
 * Who may do what with the major-project register: the planning office manages it; the 责任单位's
 * reporters report (and raise issues on) their own projects only; reviewers approve or return
 * reports; leaders, reviewers and administrators read; the public sees published fields only.
 */

/** Reporters of the project's 责任单位. */
export function ownsProject(p: Principal, leadDepartmentId: string | null): boolean {
  return (
    leadDepartmentId !== null &&
    hasRole(p, 'department_reporter') &&
    p.departmentIds.includes(leadDepartmentId)
  );
}

/** Creating, editing, importing, moving through the lifecycle, resolving issues, post-evaluation. */
export function canManageProjects(p: Principal): boolean {
  return hasRole(p, 'planning_office');
}

/** Reading the whole register, the dashboard and the export. */
export function canReadAllProjects(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office', 'reviewer', 'leader');
}

/** Reading the list and dashboard at all (reporters see their own projects only). */
export function canReadSomeProjects(p: Principal): boolean {
  return canReadAllProjects(p) || hasRole(p, 'department_reporter');
}

/** Reading one project. */
export function canReadProject(p: Principal, leadDepartmentId: string | null): boolean {
  return canReadAllProjects(p) || ownsProject(p, leadDepartmentId);
}

/** Saving, submitting or correcting a month's report, and raising an issue. */
export function canReportProject(p: Principal, leadDepartmentId: string | null): boolean {
  return canManageProjects(p) || ownsProject(p, leadDepartmentId);
}

/** Approving or returning a month's report. */
export function canReviewProjectReports(p: Principal): boolean {
  return hasRole(p, 'reviewer', 'planning_office');
}
