import { type Principal, hasRole } from '../auth/principal.js';

/**
 * The leader dashboard and an indicator's full assessment: the planning office, administrators,
 * leaders, reviewers and department reporters. Reporters see every card, read-only: an assessment
 * is computed from approved values only, which are no department's draft, and knowing where the
 * whole plan stands helps a department place its own items. Writing stays with `canWriteRecord`.
 * The `public` role (and anyone not signed in) uses the public dashboard of published indicators.
 */
export function canReadDashboard(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office', 'leader', 'reviewer', 'department_reporter');
}

/** Reference series (参照值) are published figures: any signed-in role may read them. */
export function canReadReferenceSeries(p: Principal): boolean {
  return p.userId !== null;
}

/** Creating series, recording their values and linking indicators: the planning office and administrators. */
export function canManageReferenceSeries(p: Principal): boolean {
  return hasRole(p, 'planning_office', 'administrator');
}

/** Reading and changing a plan's assessment thresholds: the planning office and administrators. */
export function canManageAssessmentSettings(p: Principal): boolean {
  return hasRole(p, 'planning_office', 'administrator');
}
