import { ROLES, type Role } from '@plantrack/db';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import { canReadFramework } from './plan.policy.js';
import { canReadRecordHistory } from './record.policy.js';
import { searchAudience } from './search.policy.js';

const DEPARTMENTS: readonly string[] = ['finance', 'planning', 'water'];

/** Every subset of a list (the empty one included). */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

/** Every combination of roles and departments a user or token may hold, and nobody. */
function principals(): Principal[] {
  const signedIn = subsets<Role>(ROLES).flatMap((roles) =>
    subsets(DEPARTMENTS).map((departmentIds): Principal => ({
      userId: 'u',
      roles,
      departmentIds,
      via: 'session',
    })),
  );
  return [ANONYMOUS, ...signedIn];
}

describe('searchAudience', () => {
  it('shows a report exactly when the history policy lets the principal read it, for every combination', () => {
    const owners = subsets(DEPARTMENTS);
    let checked = 0;
    for (const p of principals()) {
      const audience = searchAudience(p);
      expect(audience.unpublishedFramework).toBe(canReadFramework(p));
      for (const ownerDepartmentIds of owners) {
        const searchShows =
          audience.records === 'all' || audience.records.ownedBy.some((d) => ownerDepartmentIds.includes(d));
        expect(searchShows, JSON.stringify({ p, ownerDepartmentIds })).toBe(
          canReadRecordHistory(p, { ownerDepartmentIds }),
        );
        checked += 1;
      }
    }
    expect(checked).toBe((2 ** ROLES.length * 2 ** DEPARTMENTS.length + 1) * 2 ** DEPARTMENTS.length);
  });

  it('gives equal audiences (one cache key) only to principals who may see the same rows', () => {
    const reporter = (departmentIds: string[]): Principal => ({
      userId: 'r',
      roles: ['department_reporter'],
      departmentIds,
      via: 'session',
    });
    expect(searchAudience(reporter(['finance']))).not.toEqual(searchAudience(reporter(['planning'])));
    expect(searchAudience(reporter(['planning', 'finance']))).toEqual(
      searchAudience(reporter(['finance', 'planning'])),
    );
    expect(searchAudience(ANONYMOUS)).toEqual({ unpublishedFramework: false, records: { ownedBy: [] } });
    const leader: Principal = { userId: 'l', roles: ['leader'], departmentIds: [], via: 'token' };
    expect(searchAudience(leader)).toEqual({ unpublishedFramework: true, records: 'all' });
  });
});
