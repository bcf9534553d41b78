import { type Principal, hasRole } from '../auth/principal.js';

/**
 * Evaluation reports before publication: the planning office and administrators (who make them),
 * leaders (who approve them) and reviewers (who check the figures) read every report and its
 * drafts. Department reporters and the `public` role see reports only once published, on the
 * public routes: a draft's judgement sections are the office's working text, not yet an opinion
 * of the government.
 */
export function canReadReports(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office', 'leader', 'reviewer');
}

/** Creating a report, writing its sections, submitting and publishing it: the planning office and administrators. */
export function canEditReports(p: Principal): boolean {
  return hasRole(p, 'planning_office', 'administrator');
}

/** Approving or returning a submitted report: leaders (the office does not approve its own drafts). */
export function canApproveReports(p: Principal): boolean {
  return hasRole(p, 'leader');
}

/** Published reports of a published plan are for everyone, signed in or not. */
export function canReadPublishedReports(): boolean {
  return true;
}
