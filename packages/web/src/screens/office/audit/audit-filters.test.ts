import { describe, expect, it } from 'vitest';
import { apiQueryOf, filterFromParams, nextDay, paramsOfFilter } from './audit-filters';

describe('audit filters in the URL', () => {
  it('round-trips a selection through the URL and ignores malformed dates', () => {
    const params = new URLSearchParams(
      'tab=audit&person=u1&department=d1&kind=observation&from=2026-01-31&to=bad',
    );
    const filter = filterFromParams(params);
    expect(filter).toEqual({
      person: 'u1',
      department: 'd1',
      kind: 'observation',
      record: '',
      from: '2026-01-31',
      to: '',
    });
    expect(paramsOfFilter(filter)).toEqual({
      tab: 'audit',
      person: 'u1',
      department: 'd1',
      kind: 'observation',
      from: '2026-01-31',
    });
  });

  it('makes the inclusive end date of the screen the exclusive bound of the API', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    const q = apiQueryOf(filterFromParams(new URLSearchParams('to=2026-03-31&record=ind-1')));
    expect(q).toMatchObject({ to: '2026-04-01', recordId: 'ind-1', actor: undefined });
  });
});
