import type { SearchAudience } from '@plantrack/db';
import type { Principal } from '../auth/principal.js';
import { canReadFramework } from './plan.policy.js';
import { canReadRecordHistory } from './record.policy.js';

/** Everyone may search; what they see is {@link searchAudience}. */
export function canSearch(p: Principal): boolean {
  return p.via === 'anonymous' || p.userId !== null;
}

/**
 * What a principal's searches may show, derived from the policies that guard the records
 * themselves, never from a rule of its own:
 * - outline nodes and unpublished indicators and tasks: whoever may read the framework
 *   (`canReadFramework`); everyone else sees published indicators and tasks only;
 * - records of the searchable record kinds (progress reports: the text of their newest revision,
 *   drafts included): whoever may read the record's every revision (`canReadRecordHistory`, the
 *   policy of its history, the same for every kind). When the roles alone grant that, every
 *   record; otherwise the records of elements owned by one of the departments the policy admits
 *   the principal for, probed one department at a time.
 *
 * The probe is exact because the history policy admits a reader through any one of a task's
 * owners; search.policy.test.ts checks that it agrees with the policy for every combination of
 * roles, departments and owners. The result is also the cache key of the search results, so two
 * principals share cached answers only when they may see the same rows.
 */
export function searchAudience(p: Principal): SearchAudience {
  if (canReadRecordHistory(p, null)) {
    return { unpublishedFramework: canReadFramework(p), records: 'all' };
  }
  const ownedBy = [...new Set(p.departmentIds)]
    .filter((d) => canReadRecordHistory(p, { ownerDepartmentIds: [d] }))
    .sort();
  return { unpublishedFramework: canReadFramework(p), records: { ownedBy } };
}
