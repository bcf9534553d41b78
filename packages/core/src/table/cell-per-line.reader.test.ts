import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';
import { prepareLines } from '../structure/prepared-line.js';
import { SourceText } from '../text/source-text.js';
import { readCellPerLineTable } from './cell-per-line.reader.js';

const indicatorsOf = (lines: string[]) => ingestText(['某市规划纲要', ...lines].join('\n')).indicators;

/** The reader alone, on a table whose header starts at the first line. */
function readTable(lines: string[]) {
  const prepared = prepareLines(new SourceText(lines.join('\n')));
  const table = readCellPerLineTable(prepared, 0, 2030);
  return table.rows.map((row) => ({
    seq: row.seq?.text ?? null,
    group: row.group?.text ?? null,
    names: row.names.map((n) => n.text),
    values: [...row.values.entries()].map(([k, v]) => `${k}:${v.text}`),
  }));
}

describe('one cell per line: cells wrapped over several lines', () => {
  const header = ['类别', '序号', '指标', '单位', '属性', '2030年目标'];

  test('a wrapped name, a bracket split over three lines and a wrapped unit keep the cells after them', () => {
    const rows = readTable([
      ...header,
      '经济',
      '发展',
      '（2项）',
      '1',
      '街区路网密度达到每平方公里',
      '八公里的街区比例',
      '%',
      '预期性',
      '60左右',
      '2',
      '单位产值安全事故死亡率',
      '人/',
      '亿元',
      '约束性',
      '＜0.01',
      '民生',
      '（1项）',
      '3',
      '可吸入颗粒物（PM',
      '10',
      '）浓度',
      '微克/立方米',
      '约束性',
      '完成省下达目标',
      '备注：示例。',
    ]);
    expect(rows).toEqual([
      {
        seq: '1',
        group: '经济发展（2项）',
        names: ['街区路网密度达到每平方公里八公里的街区比例'],
        values: ['3:%', '4:预期性', '5:60左右'],
      },
      {
        seq: '2',
        group: null,
        names: ['单位产值安全事故死亡率'],
        values: ['3:人/\n亿元', '4:约束性', '5:＜0.01'],
      },
      {
        seq: '3',
        group: '民生（1项）',
        names: ['可吸入颗粒物（PM10）浓度'],
        values: ['3:微克/立方米', '4:约束性', '5:完成省下达目标'],
      },
    ]);
  });

  test('a wrapped target joins its first line; a number inside a row is not taken for the next row', () => {
    const indicators = indicatorsOf([
      '主要指标',
      '序号',
      '指标',
      '2025年',
      '2030年目标',
      '属性',
      '1',
      '研发投入强度（%）',
      '2',
      '3左右',
      '预期性',
      '2',
      '居民收入增长（%）',
      '—',
      '与经济增长',
      '同步',
      '预期性',
      '备注：示例。',
    ]);
    expect(indicators.map((i) => [i.seq, i.name, i.baseline?.text, i.target.text, i.attribute])).toEqual([
      ['1', '研发投入强度', '2', '3左右', '预期性'],
      ['2', '居民收入增长', '—', '与经济增长\n同步', '预期性'],
    ]);
  });
});

describe('one cell per line: sub-indicators without a number', () => {
  test('a parent over two measures; the attribute written once is shared by both', () => {
    const indicators = indicatorsOf([
      '主要指标',
      '序号',
      '指标',
      '2030年目标',
      '属性',
      '1',
      '每千人口卫生人员数',
      '医生数（人）',
      '3.5',
      '预期性',
      '护士数（人）',
      '4.0',
      '2',
      '人均预期寿命（岁）',
      '82',
      '预期性',
      '备注：示例。',
    ]);
    expect(indicators.map((i) => [i.seq, i.name, i.unit, i.parent, i.target.text, i.attribute])).toEqual([
      ['1.1', '医生数', '人', '每千人口卫生人员数', '3.5', '预期性'],
      ['1.2', '护士数', '人', '每千人口卫生人员数', '4.0', '预期性'],
      ['2', '人均预期寿命', '岁', null, '82', '预期性'],
    ]);
  });

  test('其中 rows, and a wrapped name whose second line starts with a number', () => {
    const indicators = indicatorsOf([
      '主要指标',
      '序号',
      '指标',
      '2030年目标',
      '属性',
      '1',
      '研发经费投入强度（%）',
      '3.5',
      '预期性',
      '其中：基础研究经费占比（%）',
      '10',
      '预期性',
      '2',
      '家庭年可支配收入',
      '10万—50万元群体比例（%）',
      '稳步提高',
      '预期性',
      '备注：示例。',
    ]);
    expect(indicators.map((i) => [i.seq, i.name, i.parent, i.target.text, i.attribute])).toEqual([
      ['1', '研发经费投入强度', null, '3.5', '预期性'],
      ['1.1', '基础研究经费占比', '研发经费投入强度', '10', '预期性'],
      ['2', '家庭年可支配收入10万—50万元群体比例', null, '稳步提高', '预期性'],
    ]);
  });

  test('an attribute merged down over rows is written once and shared by the rows below', () => {
    const indicators = indicatorsOf([
      '主要指标',
      '序号',
      '指标',
      '2030年目标',
      '属性',
      '1',
      '森林覆盖率（%）',
      '25',
      '约束性',
      '2',
      '地表水优良水体比例（%）',
      '90',
      '3',
      '人均预期寿命（岁）',
      '82',
      '预期性',
      '备注：示例。',
    ]);
    expect(indicators.map((i) => [i.seq, i.name, i.target.text, i.attribute])).toEqual([
      ['1', '森林覆盖率', '25', '约束性'],
      ['2', '地表水优良水体比例', '90', '约束性'],
      ['3', '人均预期寿命', '82', '预期性'],
    ]);
  });

  test('a group label on a row of its own between rows names the rows after it', () => {
    const indicators = indicatorsOf([
      '主要指标',
      '序号',
      '指标',
      '2030年目标',
      '属性',
      '一、经济发展',
      '1',
      '地区生产总值增长（%）',
      '5左右',
      '预期性',
      '二、民生福祉',
      '2',
      '人均预期寿命（岁）',
      '82',
      '预期性',
      '备注：示例。',
    ]);
    expect(indicators.map((i) => [i.seq, i.group, i.name])).toEqual([
      ['1', '经济发展', '地区生产总值增长'],
      ['2', '民生福祉', '人均预期寿命'],
    ]);
  });
});
