import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { ANONYMOUS } from '../auth/principal.js';
import { canReadRecordHistory, canWriteRecord, permitsRecord } from './record.policy.js';

const office: Principal = { userId: 'o', roles: ['planning_office'], departmentIds: [], via: 'token' };
const reporter = (dept: string): Principal => ({
  userId: 'r',
  roles: ['department_reporter'],
  departmentIds: [dept],
  via: 'session',
});

/** A lookup that counts its calls. */
function owners(...ids: string[]) {
  const calls = { n: 0 };
  const lookUp = () => {
    calls.n += 1;
    return Promise.resolve({ ownerDepartmentIds: ids });
  };
  return { calls, lookUp };
}

describe('permitsRecord', () => {
  it('lets the roles decide without looking the owners up', async () => {
    const { calls, lookUp } = owners('finance');
    expect(await permitsRecord(office, canWriteRecord, lookUp)).toBe(true);
    expect(await permitsRecord(ANONYMOUS, canReadRecordHistory, lookUp)).toBe(false);
    expect(calls.n).toBe(0);
  });

  it('looks the owners up for a department reporter, and only the owning department may', async () => {
    const { calls, lookUp } = owners('finance');
    expect(await permitsRecord(reporter('finance'), canWriteRecord, lookUp)).toBe(true);
    expect(await permitsRecord(reporter('planning'), canWriteRecord, lookUp)).toBe(false);
    expect(await permitsRecord(reporter('planning'), canReadRecordHistory, lookUp)).toBe(false);
    expect(calls.n).toBe(3);
  });
});
