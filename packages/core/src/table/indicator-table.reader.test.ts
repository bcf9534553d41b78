import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';
import { fitCells } from './raw-table.js';

const indicatorsOf = (lines: string[]) => ingestText(['某市规划纲要', ...lines].join('\n')).indicators;

describe('indicator tables in each layout', () => {
  test('one cell per line (web page): wrapped header and value cells, groups, sub-indicators', () => {
    const indicators = indicatorsOf([
      '主要指标',
      '类别',
      '序号',
      '指标名称',
      '2025年',
      '预计',
      '2030年',
      '目标',
      '年均/',
      '累计',
      '属性',
      '经济发展',
      '（2项）',
      '1',
      '货物贸易占全省份额（%）',
      '21.5',
      '（2024年）',
      '22',
      '—',
      '预期性',
      '',
      '2',
      '每千人口拥有医护人员数',
      '执业医师数（人）',
      '4.9',
      '5.0',
      '—',
      '预期性',
      '',
      '',
      '',
      '注册护士数（人）',
      '5.92',
      '6.02',
      '—',
      '预期性',
      '备注：[ ]内数据为累计数。',
    ]);
    expect(
      indicators.map((i) => [i.seq, i.group, i.name, i.unit, i.parent, i.baseline?.text, i.target.text]),
    ).toEqual([
      ['1', '经济发展', '货物贸易占全省份额', '%', null, '21.5\n（2024年）', '22'],
      ['2.1', '经济发展', '执业医师数', '人', '每千人口拥有医护人员数', '4.9', '5.0'],
      ['2.2', '经济发展', '注册护士数', '人', '每千人口拥有医护人员数', '5.92', '6.02'],
    ]);
    expect(indicators[0]?.baseline).toMatchObject({ year: 2024, value: 21.5, estimated: true });
  });

  test('one row per line (PDF): wrapped name, repeated header after a page break', () => {
    const indicators = indicatorsOf([
      '表 1 主要指标',
      '序号 指 标 2030 年目标 属性',
      '一、经济强（2 项）',
      '1 地区生产总值年均增长（%） 5 左右 预期性',
      '— 13 —',
      '序号 指 标 2030 年目标 属性',
      '2 规上数字经济核心产业营业收入占规上企业营业',
      '收入比重（%） 32.5 预期性',
      '在此基础上再奋斗五年。',
    ]);
    expect(indicators.map((i) => [i.seq, i.group, i.name, i.target.text, i.attribute])).toEqual([
      ['1', '经济强', '地区生产总值年均增长', '5 左右', '预期性'],
      ['2', '经济强', '规上数字经济核心产业营业收入占规上企业营业收入比重', '32.5', '预期性'],
    ]);
  });
});

describe('fitCells', () => {
  const join = (a: string, b: string): string => `${a}|${b}`;
  test('joins continuations first and never into an empty cell', () => {
    expect(fitCells(['1.58', '左右', '—', '预期性'], 3, (c) => c, join)).toEqual([
      '1.58|左右',
      '—',
      '预期性',
    ]);
    expect(fitCells(['—', '稳步', '提高', '—'], 3, (c) => c, join)).toEqual(['—', '稳步|提高', '—']);
  });
});
