import { describe, expect, it } from 'vitest';
import type { OwnedItems } from '@plantrack/api';
import { recordKeyOf, unscheduledItem } from './my-items.types';

const owned: OwnedItems = [
  {
    planId: 'p1',
    indicators: [
      {
        id: 'i1',
        key: '一般公共预算收入',
        seq: '2',
        group: null,
        name: '一般公共预算收入',
        unit: '亿元',
        attribute: null,
        direction: null,
        target: { text: '年均增长6%', kind: 'annual-rate' },
        scope: null,
        published: false,
        source: { start: 0, end: 0, lineStart: 1, lineEnd: 1 },
      },
    ],
    tasks: [{ id: 't1', key: 'task-1', measure: '深化国资国企改革', clause: '', nodeKey: 'p1', owners: [] }],
  },
];

describe('record keys', () => {
  it('are indicatorId|period|scope and taskId|period, as the API stores them', () => {
    expect(recordKeyOf({ kind: 'indicator', id: 'i1', period: '2026', scope: '' })).toBe('i1|2026|');
    expect(recordKeyOf({ kind: 'task', id: 't1', period: '2026Q1' })).toBe('t1|2026Q1');
  });
});

describe('unscheduledItem', () => {
  it('opens an owned item for a period of the right form, without a due date', () => {
    expect(unscheduledItem(owned, 'indicator', 'i1', '2026')).toMatchObject({
      kind: 'indicator',
      name: '一般公共预算收入',
      unit: '亿元',
      period: '2026',
      dueDate: '',
    });
    expect(unscheduledItem(owned, 'task', 't1', '2026-03')?.name).toBe('深化国资国企改革');
  });

  it("refuses another department's item and malformed periods", () => {
    expect(unscheduledItem(owned, 'indicator', 'someone-elses', '2026')).toBeNull();
    expect(unscheduledItem(owned, 'indicator', 'i1', '2026Q5')).toBeNull();
    expect(unscheduledItem(owned, 'task', 'i1', '2026')).toBeNull();
  });
});
