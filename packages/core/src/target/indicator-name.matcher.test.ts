import { describe, expect, it } from 'vitest';
import { matchIndicator, normalizeMeasureName, prepareIndicators } from './indicator-name.matcher.js';

const indicators = prepareIndicators(
  [
    '地区生产总值（GDP）增长（%）',
    '一般公共预算收入（亿元）',
    '研发经费支出占地区生产总值比重（%）',
    '高新技术企业数（家）',
    '高新技术产业产值占规上工业总产值比重（%）',
    '居民人均可支配收入增长（%）',
    '城镇新增就业人数（万人）',
    '新增人才数（万人）',
  ].map((name, i) => ({ seq: String(i + 1), name })),
);

describe('matchIndicator', () => {
  it.each([
    ['新增城镇就业人数', '万人', '7'],
    ['城镇新增就业', '万人', '7'],
    ['高新技术企业数', '家', '4'],
    ['研发经费支出占比', '%', '3'],
    ['全区地区生产总值增幅', null, '1'],
    ['居民收入增速', null, '6'],
    ['一般公共预算收入', '亿元', '2'],
    ['高新技术产业产值占规模以上工业总产值比重', '%', '5'],
    ['各类人才', '万人', '8'],
  ])('%s (%s) restates indicator %s', (subject, unit, seq) => {
    expect(matchIndicator(indicators, subject, unit)).toBe(seq);
  });

  it.each([
    ['地区生产总值', '亿元'],
    ['高技能人才', '万人'],
    ['全区常住人口规模', '万人'],
    ['5G基站', '座'],
    ['新增高技能人才', '人'],
    ['海外高层次人才', '个'],
    ['', null],
  ])('%s (%s) restates none', (subject, unit) => {
    expect(matchIndicator(indicators, subject, unit)).toBeNull();
  });

  it('uses the unit carried by a parsed indicator for the veto', () => {
    const parsed = prepareIndicators([
      { seq: '1', name: '地区生产总值（GDP）增长', unit: '%' },
      { seq: '7', name: '高新技术产业产值占规上工业总产值比重', unit: '%' },
    ]);
    expect(matchIndicator(parsed, '地区生产总值', '亿元')).toBeNull();
    expect(matchIndicator(parsed, '规上工业总产值', '亿元')).toBeNull();
    expect(matchIndicator(parsed, '全区地区生产总值增幅', null)).toBe('1');
  });

  it('keeps scope words and the measured part of a share apart', () => {
    const more = prepareIndicators([
      { seq: '13', name: '居民人均可支配收入增长', unit: '%' },
      { seq: '10', name: '数字经济核心产业增加值占GDP比重', unit: '%' },
    ]);
    expect(matchIndicator(more, '农村居民人均可支配收入', '%')).toBeNull();
    expect(matchIndicator(more, '居民人均可支配收入', '%')).toBe('13');
    expect(matchIndicator(more, '旅游产业增加值占GDP比重', '%')).toBeNull();
    expect(matchIndicator(more, '数字经济核心产业增加值占地区生产总值比重', '%')).toBe('10');
  });

  it('normalises brackets, quotes, region words and 的', () => {
    expect(normalizeMeasureName('全区的地区生产总值（GDP）增长（%）')).toBe('地区生产总值增长');
    expect(normalizeMeasureName('“小巨人”企业数')).toBe('小巨人企业数');
  });
});
