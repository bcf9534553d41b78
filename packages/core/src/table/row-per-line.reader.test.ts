import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';

const indicatorsOf = (lines: string[]) => ingestText(['某市规划纲要', ...lines].join('\n')).indicators;

describe('one row per line (PDF text): rows wrapped over several lines', () => {
  test('the number alone, a name above its number, a target over two lines, the attribute alone', () => {
    const indicators = indicatorsOf([
      '表 1 主要指标',
      '序号 指 标 2030 年目标 属性',
      '一、经济发展（7 项）',
      '1',
      '地区生产总值增长（%） 5 左右 预期性',
      '规上工业企业研发机构',
      '2 覆盖率（%） 80 预期性',
      '3 居民收入增长（%） 与经济增长',
      '同步',
      '预期性',
      '4 单位地区生产总值能源消耗',
      '降低（%） 完成省下达目标 约束性',
      '城镇生活污水',
      '5 集中收集率 ＞80 约束性',
      '（%）',
      '6 森林覆盖率（%） 25',
      '约束性',
      '7 规上工业增加值率（%） 提高 1 个百分点 预期性',
      '以上',
      '在此基础上再奋斗五年。',
    ]);
    expect(indicators.map((i) => [i.seq, i.group, i.name, i.unit, i.target.text, i.attribute])).toEqual([
      ['1', '经济发展', '地区生产总值增长', '%', '5 左右', '预期性'],
      ['2', '经济发展', '规上工业企业研发机构覆盖率', '%', '80', '预期性'],
      ['3', '经济发展', '居民收入增长', '%', '与经济增长同步', '预期性'],
      ['4', '经济发展', '单位地区生产总值能源消耗降低', '%', '完成省下达目标', '约束性'],
      ['5', '经济发展', '城镇生活污水集中收集率', '%', '＞80', '约束性'],
      ['6', '经济发展', '森林覆盖率', '%', '25', '约束性'],
      ['7', '经济发展', '规上工业增加值率', '%', '提高 1 个百分点以上', '预期性'],
    ]);
  });
});

describe('one row per line (PDF text): group labels', () => {
  test('a merged first column written before the numbers, and a label stacked on lines of its own', () => {
    const indicators = indicatorsOf([
      '表 1 主要指标',
      '类别 序号 指标 2030 年目标 属性',
      '1 地区生产总值增长（%） 5 预期性',
      '经济 2 人均地区生产总值（万元） 15 预期性',
      '发展 3 数字经济核心产业增加值占比（%） 12 预期性',
      '（4项） 4 服务业增加值占比（%） 55 预期性',
      '民生',
      '福祉',
      '（2项）',
      '5 人均预期寿命（岁） 82 预期性',
      '6 城镇调查失业率（%） ＜5.5 约束性',
      '在此基础上再奋斗五年。',
    ]);
    expect(indicators.map((i) => [i.seq, i.group, i.name])).toEqual([
      ['1', '经济发展', '地区生产总值增长'],
      ['2', '经济发展', '人均地区生产总值'],
      ['3', '经济发展', '数字经济核心产业增加值占比'],
      ['4', '经济发展', '服务业增加值占比'],
      ['5', '民生福祉', '人均预期寿命'],
      ['6', '民生福祉', '城镇调查失业率'],
    ]);
  });
});

describe('one row per line (PDF text): group labels centred in a merged column', () => {
  test('rows above a label without an item count belong to it', () => {
    const indicators = indicatorsOf([
      '表 1 主要指标',
      '类别 序号 指标 2030 年目标 属性',
      '1 地区生产总值增长（%） 5 预期性',
      '经济',
      '发展',
      '2 人均地区生产总值（万元） 15 预期性',
      '3 服务业增加值占比（%） 55 预期性',
      '4 人均预期寿命（岁） 82 预期性',
      '民生 5 城镇调查失业率（%） ＜5.5 约束性',
      '6 居民收入增长（%） 5 预期性',
      '在此基础上再奋斗五年。',
    ]);
    expect(indicators.map((i) => [i.seq, i.group])).toEqual([
      ['1', '经济发展'],
      ['2', '经济发展'],
      ['3', '民生'],
      ['4', '民生'],
      ['5', '民生'],
      ['6', '民生'],
    ]);
  });
});

describe('one row per line (PDF text): merged attribute cells', () => {
  test('an attribute printed once on the middle row of its merged cell is shared by the rows it spans', () => {
    const indicators = indicatorsOf([
      '表 1 主要指标',
      '序号 指 标 2030 年目标 属性',
      '1 人均预期寿命（岁） 82 预期性',
      '2 森林覆盖率（%） 25',
      '3 地表水优良水体比例（%） 90 约束性',
      '4 细颗粒物浓度（微克/立方米） 28',
      '5 城镇调查失业率（%） ＜5.5 预期性',
      '在此基础上再奋斗五年。',
    ]);
    expect(indicators.map((i) => [i.seq, i.target.text, i.attribute])).toEqual([
      ['1', '82', '预期性'],
      ['2', '25', '约束性'],
      ['3', '90', '约束性'],
      ['4', '28', '约束性'],
      ['5', '＜5.5', '预期性'],
    ]);
  });
});

describe('one row per line (PDF text): sub-indicators without a number', () => {
  test('其中 rows and a parent over two measures; a merged attribute is shared', () => {
    const indicators = indicatorsOf([
      '表 1 主要指标',
      '序号 指 标 2030 年目标 属性',
      '1 研发经费投入强度（%） 3.5 预期性',
      '其中：基础研究经费占比（%） 10 预期性',
      '2 每千人口卫生人员数 医生数（人） 3.5 预期性',
      '护士数（人） 4.0',
      '3 人均预期寿命（岁） 82 预期性',
      '在此基础上再奋斗五年。',
    ]);
    expect(indicators.map((i) => [i.seq, i.name, i.unit, i.parent, i.target.text, i.attribute])).toEqual([
      ['1', '研发经费投入强度', '%', null, '3.5', '预期性'],
      ['1.1', '基础研究经费占比', '%', '研发经费投入强度', '10', '预期性'],
      ['2.1', '医生数', '人', '每千人口卫生人员数', '3.5', '预期性'],
      ['2.2', '护士数', '人', '每千人口卫生人员数', '4.0', '预期性'],
      ['3', '人均预期寿命', '岁', null, '82', '预期性'],
    ]);
  });
});
