import { type Principal, hasRole } from '../auth/principal.js';

/**
 * An observation's indicator or a progress report's task, with the departments that own it; null
 * while they have not been looked up (then nobody counts as an owner, see `permitsRecord`).
 */
export type RecordTarget = { ownerDepartmentIds: readonly string[] } | null;

function ownsTarget(p: Principal, target: RecordTarget): boolean {
  return (
    hasRole(p, 'department_reporter') &&
    target !== null &&
    p.departmentIds.some((d) => target.ownerDepartmentIds.includes(d))
  );
}

/**
 * Applies a record policy, looking the item's owners up only when the roles alone do not settle
 * it: the planning office, reviewers and leaders never need them, so their requests skip two
 * queries. Exact, since knowing the owners can only add permission, never take it away.
 */
export async function permitsRecord(
  p: Principal,
  policy: (p: Principal, target: RecordTarget) => boolean,
  lookUpTarget: () => Promise<RecordTarget>,
): Promise<boolean> {
  if (policy(p, null)) return true;
  return hasRole(p, 'department_reporter') && policy(p, await lookUpTarget());
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

/**
 * Reading and changing a plan's review rules (may an office user decide what they entered for a
 * department): the planning office and administrators, like the assessment thresholds.
 */
export function canManageReviewSettings(p: Principal): boolean {
  return hasRole(p, 'planning_office', 'administrator');
}
