import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';
import { buildColumns, isHeaderCell, splitHeaderLine } from './columns.js';
import { splitUnit } from './indicator.assembler.js';
import { isUnit } from './unit.grammar.js';

const ingest = (lines: string[]) =>
  ingestText(['某区国民经济和社会发展第十五个五年规划纲要', ...lines].join('\n'));
const rowsOf = (lines: string[]) =>
  ingest(lines).indicators.map((i) => [i.seq, i.name, i.unit, i.attribute, i.target.text].join(' | '));

describe('header cells are read by meaning', () => {
  test('bracketed, quoted and wrapped titles are header cells; values are not', () => {
    for (const cell of ['“十五五”目标', '年均［累计］', '2030年（目标）', '指标属性', '计量单位', '年均/']) {
      expect(isHeaderCell(cell)).toBe(true);
    }
    for (const cell of ['1', '预期性', '万元/人', '—', '地区生产总值'])
      expect(isHeaderCell(cell)).toBe(false);
  });

  test('a cell spanning two sub-columns gives them its meaning and is not a column itself', () => {
    const columns = buildColumns(
      ['序号', '指标', '单位', '属性', '“十五五”目标', '2030年', '年均［累计］'],
      2030,
    );
    expect(columns.map((c) => [c.title, c.role])).toEqual([
      ['序号', 'seq'],
      ['指标', 'name'],
      ['单位', 'unit'],
      ['属性', 'attribute'],
      ['2030年', 'target'],
      ['年均［累计］', 'extra'],
    ]);
    // Without the second row the same cell is the target column.
    expect(buildColumns(['序号', '指标', '规划目标'], 2030).map((c) => c.role)).toEqual([
      'seq',
      'name',
      'target',
    ]);
  });

  test('a one-line header with bracketed titles', () => {
    const titles = splitHeaderLine('序号  指标名称  2025年（基期）  2030年（目标）  指标属性');
    expect(titles).toEqual(['序号', '指标名称', '2025年基期', '2030年目标', '指标属性']);
    expect(buildColumns(titles, 2030).map((c) => c.role)).toEqual([
      'seq',
      'name',
      'baseline',
      'target',
      'attribute',
    ]);
  });

  test('one cell per line: two header rows, a title split over two lines, a unit column', () => {
    expect(
      rowsOf([
        '表2 主要指标',
        '序号',
        '指标',
        '名称',
        '计量单位',
        '“十五五”规划目标',
        '指标属性',
        '2030年',
        '年均/',
        '累计',
        '1',
        '城市绿地面积',
        '公顷',
        '1200',
        '—',
        '预期性',
        '2',
        '集装箱吞吐量',
        '万标箱',
        '—',
        '[150]',
        '预期性',
        '第一章 总体要求',
      ]),
    ).toEqual(['1 | 城市绿地面积 | 公顷 | 预期性 | 1200', '2 | 集装箱吞吐量 | 万标箱 | 预期性 | [150]']);
  });
});

describe('one row per line (PDF)', () => {
  test('a header of two rows on two lines, and a long one-line header', () => {
    const twoRows = ingest([
      '表1 主要指标',
      '序号 指标 单位 “十五五”目标 属性',
      '2030年 年均［累计］',
      '1 集装箱吞吐量 万标箱 5000 — 预期性',
      '第一章 总体要求',
    ]);
    expect(twoRows.indicatorTable?.columns).toEqual(['序号', '指标', '单位', '2030年', '年均累计', '属性']);
    expect(twoRows.indicators.map((i) => [i.seq, i.name, i.unit, i.target.text].join(' | '))).toEqual([
      '1 | 集装箱吞吐量 | 万标箱 | 5000',
    ]);
    const model = ingest([
      '表1 主要指标',
      '类别 序号 指标名称 2025年预计 2030年目标 年均/累计 属性',
      '1 城市绿地面积（公顷） 1100 1200 — 预期性',
      '2 集装箱吞吐量（万标箱） 4000 5000 — 预期性',
      '第一章 总体要求',
    ]);
    expect(model.indicatorTable?.columns).toEqual([
      '类别',
      '序号',
      '指标名称',
      '2025年预计',
      '2030年目标',
      '年均/累计',
      '属性',
    ]);
    expect(
      model.indicators.map((i) => [i.seq, i.name, i.unit, i.attribute, i.target.text].join(' | ')),
    ).toEqual(['1 | 城市绿地面积 | 公顷 | 预期性 | 1200', '2 | 集装箱吞吐量 | 万标箱 | 预期性 | 5000']);
  });
});

describe('units', () => {
  test('a unit grammar: magnitude, base unit, compounds over a slash', () => {
    for (const unit of [
      '平方公里',
      '公顷',
      '万千瓦',
      '万标箱',
      '人/百亿元',
      '亿立方米',
      '个百分点',
      '‰',
      '万套（间）',
    ])
      expect(isUnit(unit)).toBe(true);
    for (const text of ['含港口', 'GDP', '按常住人口计算', '2024年']) expect(isUnit(text)).toBe(false);
  });

  test('a bracketed unit at the end of the name is split off when the grammar reads it', () => {
    expect(splitUnit('新增光伏装机容量（万千瓦）')).toEqual({ name: '新增光伏装机容量', unit: '万千瓦' });
    expect(splitUnit('单位生产总值事故死亡率（人/百亿元）')).toEqual({
      name: '单位生产总值事故死亡率',
      unit: '人/百亿元',
    });
    expect(splitUnit('林木覆盖率（含经开区）')).toEqual({ name: '林木覆盖率（含经开区）', unit: null });
  });
});

describe('column order comes from the header', () => {
  test('one row per line (PDF): 属性 before the target', () => {
    expect(
      rowsOf([
        '表1 主要指标',
        '序号 指标 单位 属性 2030年目标 年均/累计',
        '1 供水能力 亿立方米 约束性 30 —',
        '2 城市绿地面积 公顷 预期性 — [200]',
        '第一章 总体要求',
      ]),
    ).toEqual(['1 | 供水能力 | 亿立方米 | 约束性 | 30', '2 | 城市绿地面积 | 公顷 | 预期性 | [200]']);
  });

  test('属性 before the target: cells after the attribute stay in their row', () => {
    expect(
      rowsOf([
        '主要指标',
        '序号',
        '指标',
        '单位',
        '属性',
        '2030年目标',
        '1',
        '供水能力',
        '亿立方米',
        '约束性',
        '30',
        '2',
        '社区服务设施步行',
        '可达覆盖率',
        '%',
        '预期性',
        '95',
        '3',
        '单位产值能耗',
        '吨标准煤/',
        '万元',
        '约束性',
        '< 0.3',
        '第一章 总体要求',
      ]),
    ).toEqual([
      '1 | 供水能力 | 亿立方米 | 约束性 | 30',
      '2 | 社区服务设施步行可达覆盖率 | % | 预期性 | 95',
      '3 | 单位产值能耗 | 吨标准煤/万元 | 约束性 | < 0.3',
    ]);
  });
});
