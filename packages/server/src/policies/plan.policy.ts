import { type Principal, hasRole } from '../auth/principal.js';

/** Staff roles see the whole framework (indicators, tasks, targets), published or not. */
export function canReadFramework(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office', 'reviewer', 'leader', 'department_reporter');
}

/** Any signed-in user, the `public` role included, may list the plans. */
export function canListPlans(p: Principal): boolean {
  return p.userId !== null;
}

export function canImportPlan(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office');
}

export function canPublish(p: Principal): boolean {
  return hasRole(p, 'planning_office');
}
