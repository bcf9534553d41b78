import { describe, expect, it } from 'vitest';
import { dedupeKeys, defaultPlanSlug, indicatorKeyOf, normalizeKey } from './plan-keys.js';
import { diffIndicators, diffTasks, type ComparedIndicator } from './plan-diff.js';

describe('plan keys', () => {
  it('fold width, spaces and case so a re-typed name keeps its identity', () => {
    expect(normalizeKey('地区生产总值（ＧＤＰ） 增长')).toBe(normalizeKey('地区生产总值(gdp)增长'));
    expect(indicatorKeyOf({ name: '注册护士数', parent: '每千人口拥有医护人员数' })).toBe(
      '每千人口拥有医护人员数/注册护士数',
    );
    expect(dedupeKeys(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a#2', 'a#3']);
  });

  it('derive a plan slug from region code and period, or the region name', () => {
    const plan = {
      title: 't',
      region: '常州市武进区',
      regionCode: '320412',
      level: null,
      periodStart: 2026,
      periodEnd: 2030,
      baselineYear: null,
      issuer: null,
      date: null,
    };
    expect(defaultPlanSlug(plan)).toBe('320412-2026-2030');
    expect(defaultPlanSlug({ ...plan, regionCode: null })).toBe('常州市武进区-2026-2030');
  });
});

describe('version diff', () => {
  const indicator = (key: string, targetText: string): ComparedIndicator => ({
    key,
    indicatorId: `id-${key}`,
    seq: '1',
    name: key,
    groupName: null,
    unit: '%',
    attribute: '预期性',
    direction: 'higher',
    targetText,
    scope: null,
    baselineText: null,
  });

  it('lists added, removed and changed indicators by key', () => {
    const diff = diffIndicators(
      [indicator('a', '1'), indicator('b', '2')],
      [indicator('a', '1.5'), indicator('c', '3')],
    );
    expect(diff.added.map((d) => d.key)).toEqual(['c']);
    expect(diff.removed.map((d) => d.key)).toEqual(['b']);
    expect(diff.changed).toEqual([
      expect.objectContaining({ key: 'a', changes: [{ field: 'target_text', before: '1', after: '1.5' }] }),
    ]);
  });

  it('lists tasks whose owners changed', () => {
    const diff = diffTasks(
      [{ key: 't', taskId: 'x', measure: 'm', owners: ['区发展和改革局'] }],
      [{ key: 't', taskId: 'x', measure: 'm', owners: ['区财政局'] }],
    );
    expect(diff.changed).toEqual([
      { key: 't', taskId: 'x', measure: 'm', before: ['区发展和改革局'], after: ['区财政局'] },
    ]);
  });
});
