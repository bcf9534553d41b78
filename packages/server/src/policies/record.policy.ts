import { type Principal, hasRole } from '../auth/principal.js';

/** An observation's indicator or a progress report's task, with the departments that own it. */
export type RecordTarget = { ownerDepartmentIds: readonly string[] };

function ownsTarget(p: Principal, target: RecordTarget): boolean {
  return (
    hasRole(p, 'department_reporter') && p.departmentIds.some((d) => target.ownerDepartmentIds.includes(d))
  );
}

/**
 * Entering values and progress (drafts, submissions, corrections): the planning office, or a
 * reporter of a lead or co-lead department of the item. A reporter of another department may not.
 */
export function canWriteRecord(p: Principal, target: RecordTarget): boolean {
  return hasRole(p, 'planning_office') || ownsTarget(p, target);
}

/**
 * Reading every revision, drafts included: staff who oversee all items, and the owning
 * department's reporters. Other reporters and the public see approved values only (elsewhere).
 */
export function canReadRecordHistory(p: Principal, target: RecordTarget): boolean {
  return hasRole(p, 'administrator', 'planning_office', 'reviewer', 'leader') || ownsTarget(p, target);
}

/** Approving and returning submissions: reviewers (statistics bureau) and the planning office. */
export function canReview(p: Principal): boolean {
  return hasRole(p, 'reviewer', 'planning_office');
}

export function canReadReviewQueue(p: Principal): boolean {
  return canReview(p);
}

/** The "my items" queue belongs to department reporters. */
export function canReadMyItems(p: Principal): boolean {
  return hasRole(p, 'department_reporter') && p.departmentIds.length > 0;
}
