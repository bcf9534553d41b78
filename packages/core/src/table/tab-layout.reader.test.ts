import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';

const indicatorsOf = (lines: string[]) => ingestText(['某市规划纲要', ...lines].join('\n')).indicators;

/** A Word table as the Word reader writes it: one TAB cell per line, rows closed by a blank line. */
const table = (...rows: string[][]): string[] => [
  '',
  ...rows.flatMap((cells) => [...cells.map((c) => `\t${c}`), '']),
];

describe('Word-export tables (one TAB cell per line)', () => {
  test('a label row merged across the table, a parent over two measures, merged attribute cells', () => {
    const indicators = indicatorsOf([
      '表1 主要指标',
      ...table(
        ['序号', '指标', '2030年目标', '属性'],
        ['一、民生福祉'],
        ['1', '人均预期寿命（岁）', '82', '预期性'],
        ['2', '每千人口卫生人员数', '医生数（人）', '3.5', '预期性'],
        ['', '', '护士数（人）', '4.0', ''],
        ['二、绿色低碳'],
        ['3', '森林覆盖率（%）', '25', '约束性'],
        ['4', '地表水优良水体比例（%）', '90', ''],
      ),
      '在此基础上再奋斗五年。',
    ]);
    expect(indicators.map((i) => [i.seq, i.group, i.name, i.parent, i.target.text, i.attribute])).toEqual([
      ['1', '民生福祉', '人均预期寿命', null, '82', '预期性'],
      ['2.1', '民生福祉', '医生数', '每千人口卫生人员数', '3.5', '预期性'],
      ['2.2', '民生福祉', '护士数', '每千人口卫生人员数', '4.0', '预期性'],
      ['3', '绿色低碳', '森林覆盖率', null, '25', '约束性'],
      ['4', '绿色低碳', '地表水优良水体比例', null, '90', '约束性'],
    ]);
  });
});
