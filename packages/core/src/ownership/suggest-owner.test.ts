import { describe, expect, test } from 'vitest';
import { indicatorTerms, suggestOwners } from './suggest-owner.js';

describe('indicatorTerms', () => {
  test('drops denominators, modifiers and measure words; keeps bracketed abbreviations', () => {
    expect(indicatorTerms('研发经费支出占地区生产总值比重')).toEqual(['研发经费支出', '研发经费']);
    expect(indicatorTerms('细颗粒物（PM2.5）年均浓度')).toEqual(['细颗粒物年均浓度', 'PM2.5', '细颗粒物']);
    expect(indicatorTerms('每万人高价值发明专利拥有量')).toEqual(['高价值发明专利拥有量', '高价值发明专利']);
  });
});

describe('suggestOwners', () => {
  const departments = [
    { id: 'd1', name: '区财政局', aliases: [] },
    { id: 'd2', name: '武进调查队', aliases: [] },
    { id: 'd3', name: '区发展和改革局', aliases: ['区发改局'] },
  ];

  test('registry names vary: 城镇居民人均可支配收入 goes to the survey team the registry has', () => {
    const [s] = suggestOwners({
      indicators: [{ key: 'k', name: '城镇居民人均可支配收入' }],
      tasks: [],
      departments,
    });
    expect(s?.suggestion).toMatchObject({
      basis: 'remit',
      departmentId: 'd2',
      departmentName: '武进调查队',
      exists: true,
    });
  });

  test('a task mentioning the indicator comes first and is cited; the remit owner stays an alternative', () => {
    const tasks = [
      {
        key: 't1',
        measure: '深化财税改革',
        text: '深化财税改革。稳步提高一般公共预算收入质量。',
        leads: ['区发展和改革局'],
      },
    ];
    const [s] = suggestOwners({ indicators: [{ key: 'k', name: '一般公共预算收入' }], tasks, departments });
    expect(s?.suggestion).toMatchObject({ basis: 'task', departmentId: 'd3', taskKey: 't1' });
    expect(s?.suggestion.reason.en).toContain('"深化财税改革"');
    expect(s?.alternatives).toMatchObject([{ basis: 'remit', departmentId: 'd1' }]);
  });

  test('no rule, no suggestion: nothing is invented', () => {
    expect(suggestOwners({ indicators: [{ key: 'k', name: '幸福指数' }], tasks: [], departments })).toEqual(
      [],
    );
  });
});
