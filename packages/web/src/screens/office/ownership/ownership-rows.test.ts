import { describe, expect, test } from 'vitest';
import { type OwnershipRow, bulkBody, filterRows, withCoLead, withLead } from './ownership-rows';

const row = (over: Partial<OwnershipRow>): OwnershipRow => ({
  key: 'indicator:i1',
  kind: 'indicator',
  id: 'i1',
  label: '1. 地区生产总值增长',
  version: 3,
  leads: [],
  coLeads: [],
  suggestion: undefined,
  ...over,
});

describe('ownership rows', () => {
  const owned = row({
    leads: [{ departmentId: 'a', name: '区财政局' }],
    coLeads: [{ departmentId: 'b', name: '区发改局' }],
  });
  const task = row({ key: 'task:t1', kind: 'task', id: 't1', label: '深化改革' });

  test('a new lead demotes the former lead to co-lead and never lists a department twice', () => {
    expect(withLead(owned, 'b')).toEqual([
      { department: 'b', role: 'lead' },
      { department: 'a', role: 'co' },
    ]);
  });

  test('a co-lead needs a lead to assist; adding one already there changes nothing', () => {
    expect(withCoLead(task, 'a')).toBeNull();
    expect(withCoLead(owned, 'b')).toEqual([
      { department: 'a', role: 'lead' },
      { department: 'b', role: 'co' },
    ]);
    expect(withCoLead(owned, 'c')).toHaveLength(3);
  });

  test('filters by owner, kind and department', () => {
    const rows = [owned, task];
    expect(filterRows(rows, { owner: 'none', kind: null, department: null })).toEqual([task]);
    expect(filterRows(rows, { owner: null, kind: 'task', department: null })).toEqual([task]);
    expect(filterRows(rows, { owner: null, kind: null, department: 'b' })).toEqual([owned]);
  });

  test('indicators carry the version read; tasks do not', () => {
    const body = bulkBody([
      { row: owned, owners: [{ department: 'a', role: 'lead' }] },
      { row: task, owners: [{ department: 'a', role: 'lead' }] },
    ]);
    expect(body.indicators).toEqual([
      { indicatorId: 'i1', expectedVersion: 3, owners: [{ department: 'a', role: 'lead' }] },
    ]);
    expect(body.tasks).toEqual([{ taskId: 't1', owners: [{ department: 'a', role: 'lead' }] }]);
  });
});
