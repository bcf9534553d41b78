import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';

const ingest = (lines: string[]) =>
  ingestText(['某区国民经济和社会发展第十五个五年规划纲要', ...lines].join('\n'));
const row = (i: { seq: string; name: string; unit: string | null; target: { text: string } }) =>
  [i.seq, i.name, i.unit, i.target.text].join(' | ');

describe('every indicator table is read, each with its role', () => {
  const model = ingest([
    '第一章 发展基础',
    '表1 “十四五”规划主要指标完成情况',
    '序号',
    '指标',
    '2025年目标',
    '2025年完成',
    '属性',
    '1',
    '地区生产总值年均增长（%）',
    '6',
    '5.8',
    '预期性',
    '2',
    '森林覆盖率（%）',
    '25',
    '25.3',
    '约束性',
    '第二章 发展目标',
    '表2 “十五五”主要指标',
    '序号',
    '指标',
    '2025年',
    '2030年目标',
    '属性',
    '1',
    '地区生产总值年均增长（%）',
    '5.8',
    '5左右',
    '预期性',
    '2',
    '城市绿地面积（公顷）',
    '1100',
    '1200',
    '预期性',
    '第三章 产业体系',
  ]);

  test("a previous plan's results table placed first does not displace the targets table", () => {
    expect(model.indicatorTables.map((t) => [t.role, t.caption, t.indicators.length])).toEqual([
      ['previous-results', '表1 “十四五”规划主要指标完成情况', 2],
      ['plan-targets', '表2 “十五五”主要指标', 2],
    ]);
    expect(model.indicatorTable?.caption).toBe('表2 “十五五”主要指标');
    expect(model.indicators.map(row)).toEqual([
      '1 | 地区生产总值年均增长 | % | 5左右',
      '2 | 城市绿地面积 | 公顷 | 1200',
    ]);
    expect(model.indicatorTables[0]?.indicators.map((i) => i.name)).toEqual([
      '地区生产总值年均增长',
      '森林覆盖率',
    ]);
    expect(model.warnings).toEqual([]);
  });

  test('neither table leaks into the outline as paragraphs', () => {
    const paragraphs = model.outline.flatMap((n) => n.paragraphs.map((p) => p.text)).join('\n');
    expect(paragraphs).not.toContain('森林覆盖率');
    expect(paragraphs).not.toContain('城市绿地面积');
  });
});

describe('a table without a 序号 column: the number is written in the name cell', () => {
  const expected = ['1 | 地区生产总值增长 | % | 5左右', '2 | 城市绿地面积 | 公顷 | 1200'];

  test('Word export (tab-indented cells)', () => {
    const model = ingest([
      '主要指标',
      '',
      '\t指标',
      '\t单位',
      '\t2030年目标',
      '\t属性',
      '',
      '\t1. 地区生产总值增长',
      '\t%',
      '\t5左右',
      '\t预期性',
      '',
      '\t2. 城市绿地面积',
      '\t公顷',
      '\t1200',
      '\t预期性',
      '',
    ]);
    expect(model.indicators.map(row)).toEqual(expected);
  });

  test('one cell per line (web page)', () => {
    const model = ingest([
      '主要指标',
      '指标名称',
      '单位',
      '2030年目标',
      '属性',
      '1. 地区生产总值增长',
      '%',
      '5左右',
      '预期性',
      '2. 城市绿地面积',
      '公顷',
      '1200',
      '预期性',
      '第一章 总体要求',
    ]);
    expect(model.indicators.map(row)).toEqual(expected);
  });

  test('one row per line (PDF)', () => {
    const model = ingest([
      '表 1 主要指标',
      '指标名称 单位 2030 年目标 属性',
      '1. 地区生产总值增长 % 5左右 预期性',
      '2. 城市绿地面积 公顷 1200 预期性',
      '第一章 总体要求',
    ]);
    expect(model.indicators.map(row)).toEqual(expected);
  });
});

describe('an announced table with no row recognised is never silent', () => {
  test('a caption and header whose rows cannot be read give a warning', () => {
    const model = ingest(['表1 主要指标', '序号', '指标', '2030年目标', '属性', '第一章 总体要求', '正文。']);
    expect(model.indicators).toEqual([]);
    expect(model.warnings.map((w) => w.zh).join('')).toContain('未识别出任何指标行');
    expect(model.warnings.map((w) => w.en).join('')).toContain('no row was recognised');
  });

  test("notes explaining a table's marks, without the table, give a warning", () => {
    const model = ingest([
      '第一章 发展目标',
      '到2030年，经济实力明显增强。',
      '注：带[ ]数据为5年累计值。',
      '第二章 产业体系',
    ]);
    expect(model.warnings.some((w) => w.zh.includes('带[ ]数据为5年累计值'))).toBe(true);
  });

  test('a document without any table says nothing about tables', () => {
    expect(ingest(['第一章 发展目标', '到2030年，经济实力明显增强。']).warnings).toEqual([]);
  });
});
