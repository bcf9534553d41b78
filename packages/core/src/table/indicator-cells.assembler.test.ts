import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';

const indicatorsOf = (lines: string[]) => ingestText(['某市规划纲要', ...lines].join('\n')).indicators;

/** A one-cell-per-line table with a baseline column; `rows` are the cells after the header. */
const table = (rows: string[][]) => [
  '主要指标',
  '序号',
  '指标名称',
  '2025年',
  '2030年目标',
  '属性',
  ...rows.flat(),
  '注：带*的为新增指标。',
];

describe('cells of an indicator table that need more than one value read', () => {
  test('a row with one value per measure becomes one sub-indicator per measure', () => {
    const indicators = indicatorsOf(
      table([
        ['1', '机场旅客吞吐量/货邮吞吐量（万人次/万吨）', '5000/150', '6000/180', '预期性'],
        ['2', '港口吞吐量（亿吨/万标箱）', '3.1/410', '3.5左右/500以上', '预期性'],
        ['3', '全员劳动生产率（万元/人）', '30', '40', '预期性'],
      ]),
    );
    expect(
      indicators.map((i) => [
        i.seq,
        i.name,
        i.unit,
        i.parent,
        i.baseline?.value,
        i.target.value,
        i.target.op,
      ]),
    ).toEqual([
      ['1.1', '机场旅客吞吐量', '万人次', '机场旅客吞吐量/货邮吞吐量', 5000, 6000, '='],
      ['1.2', '货邮吞吐量', '万吨', '机场旅客吞吐量/货邮吞吐量', 150, 180, '='],
      ['2.1', '港口吞吐量', '亿吨', '港口吞吐量', 3.1, 3.5, '~'],
      ['2.2', '港口吞吐量', '万标箱', '港口吞吐量', 410, 500, '>='],
      ['3', '全员劳动生产率', '万元/人', null, 30, 40, '='],
    ]);
    expect(indicators[1]?.target).toMatchObject({ text: '180', unit: '万吨', parsed: true });
  });

  test('baselines written as prose give their value and year, not the first number', () => {
    const indicators = indicatorsOf(
      table([
        ['1', '地区生产总值年均增长（%）', '“十四五”年均增长5.5', '“十五五”年均增长5左右', '预期性'],
        ['2', '单位地区生产总值能耗降低（%）', '2021-2024年累计降低9.6', '[约14]', '约束性'],
      ]),
    );
    expect(
      indicators.map((i) => [i.seq, i.baseline?.value, i.baseline?.year, i.target.kind, i.target.op]),
    ).toEqual([
      ['1', 5.5, 2025, 'rate', '~'],
      ['2', 9.6, 2024, 'cumulative', '~'],
    ]);
    expect(indicators[1]?.target.value).toBe(14);
  });

  test('note marks after a name are taken off the name and kept as its note reference', () => {
    const indicators = indicatorsOf(
      table([
        ['1', '森林覆盖率*（%）', '30', '31', '约束性'],
        ['2', '耕地保有量（万亩）∗', '50', '50', '约束性'],
        ['3', '每千人口医疗床位数①', '6', '7', '预期性'],
        ['4', '城市绿道长度²', '300', '500', '预期性'],
        ['5', '单位GDP用水量下降', '—', '完成省下达目标任务', '约束性'],
      ]),
    );
    expect(indicators.map((i) => [i.name, i.unit, i.extra['注'] ?? null])).toEqual([
      ['森林覆盖率', '%', '*'],
      ['耕地保有量', '万亩', '∗'],
      ['每千人口医疗床位数', null, '①'],
      ['城市绿道长度', null, '²'],
      ['单位GDP用水量下降', null, null],
    ]);
    expect(indicators[4]?.target).toMatchObject({ kind: 'external', setBy: '省', parsed: true });
  });
});
