import { describe, expect, it } from 'vitest';
import type { Target } from '../model/plan-model.schema.js';
import { assessIndicator } from './assessment.engine.js';
import { rollUp } from './assessment.rollup.js';
import type { AssessedIndicator, AssessmentInput, ReferenceSeries } from './assessment.types.js';
import { buildTarget } from './fixtures/assessment-input.factory.js';
import {
  CHANGZHOU_GDP_GROWTH,
  WUJIN_GDP_GROWTH,
  WUJIN_SCOPE_ALIASES,
  WUJIN_TARGET_SCOPE,
  wujinObservations,
} from './fixtures/wujin-observations.js';

type Row = [
  seq: string,
  group: string,
  name: string,
  unit: string,
  target: Partial<Target> & { text: string },
];

const Q = '高质量发展指标';
const C = '约束类指标';

/** The appendix table 武进区“十五五”经济社会发展指标 of examples/wujin-15th-outline.txt, by hand. */
const ROWS: Row[] = [
  [
    '1',
    Q,
    '地区生产总值（GDP）增长',
    '%',
    { text: '高于全市平均', kind: 'relative', op: '>', reference: '全市平均' },
  ],
  ['2', Q, '一般公共预算收入', '亿元', { text: '218', value: 218 }],
  ['3', Q, '研发经费支出占地区生产总值比重', '%', { text: '4以上', op: '>=', value: 4 }],
  ['4', Q, '每万人高价值发明专利拥有量', '件', { text: '50', value: 50 }],
  ['5', Q, '高新技术企业数', '家', { text: '2000', value: 2000 }],
  ['6', Q, '制造业增加值占地区生产总值比重', '%', { text: '45', value: 45 }],
  ['7', Q, '高新技术产业产值占规上工业总产值比重', '%', { text: '70以上', op: '>=', value: 70 }],
  ['8', Q, '规上生产性服务业营业收入年均增速', '%', { text: '12', kind: 'rate', value: 12 }],
  [
    '9',
    Q,
    '居民人均可支配收入增长',
    '%',
    { text: '与经济增长同步', kind: 'relative', op: '~', reference: '经济增长' },
  ],
  ['10', Q, '城镇新增就业人数', '万人', { text: '11以上（累计）', kind: 'cumulative', op: '>=', value: 11 }],
  ['11', Q, '人均预期寿命', '岁', { text: '85', value: 85 }],
  ['12.1', Q, '执业（助理）医师数', '人', { text: '3.7', value: 3.7 }],
  ['12.2', Q, '注册护士数', '人', { text: '3.9', value: 3.9 }],
  ['13', Q, '1-3岁婴幼儿入托率', '%', { text: '完成市定目标', kind: 'external', op: null, setBy: '市' }],
  ['14', Q, '养老机构护理型床位占比', '%', { text: '75', value: 75 }],
  ['15', Q, '完整社区数', '个', { text: '10', value: 10 }],
  [
    '16',
    Q,
    '劳动年龄人口平均受教育年限',
    '年',
    { text: '完成市定目标', kind: 'external', op: null, setBy: '市' },
  ],
  ['17', Q, '新增人才数', '万人', { text: '10（累计）', kind: 'cumulative', value: 10 }],
  ['18', Q, '人均体育场地面积', '平方米/人', { text: '4.5', value: 4.5 }],
  [
    '19',
    C,
    '单位GDP二氧化碳排放降低',
    '%',
    { text: '不低于全市下降目标', kind: 'relative', op: '>=', reference: '全市下降目标' },
  ],
  [
    '20',
    C,
    '细颗粒物（PM2.5）年均浓度',
    '微克/立方米',
    { text: '完成市定目标', kind: 'external', op: null, setBy: '市' },
  ],
  [
    '21',
    C,
    '林木覆盖率',
    '%',
    { text: '26.5左右（含常州经开区）', op: '~', value: 26.5, scope: '含常州经开区' },
  ],
  ['22', C, '优良水体比例', '%', { text: '完成市定目标', kind: 'external', op: null, setBy: '市' }],
  ['23', C, '粮食综合生产能力', '亿斤', { text: '1', value: 1 }],
  ['24', C, '耕地保有量', '万亩', { text: '14.22', value: 14.22 }],
  ['25', C, '公众安全感', '%', { text: '97', value: 97 }],
  ['26', C, '生产安全事故死亡人数下降', '%', { text: '10（累计）', kind: 'cumulative', value: 10 }],
];

function indicator([seq, group, name, unit, target]: Row): AssessedIndicator {
  return {
    seq,
    name,
    unit,
    attribute: group === C ? '约束性' : '预期性',
    target: buildTarget(target),
    // The appendix has no baseline column; the 2025 baselines in the plan's scope are not published yet.
    baseline: null,
    scope: WUJIN_TARGET_SCOPE,
  };
}

const REFERENCES: ReferenceSeries[] = [CHANGZHOU_GDP_GROWTH, WUJIN_GDP_GROWTH];

function input(row: Row, asOf = 2026): AssessmentInput {
  return {
    indicator: indicator(row),
    plan: { baselineYear: 2025, targetYear: 2030 },
    observations: wujinObservations(row[0]),
    references: REFERENCES,
    asOf,
    options: { scopeAliases: WUJIN_SCOPE_ALIASES },
  };
}

describe('the sample plan (武进区“十五五”, 27 indicators) with the published figures', () => {
  const results = ROWS.map((row) => assessIndicator(input(row)));

  it('returns a status and a bilingual explanation for every indicator without error', () => {
    expect(results).toHaveLength(27);
    expect(results.filter((a) => a.binding !== null)).toHaveLength(8);
    for (const a of results) {
      expect(a.status).toBe('数据不足'); // nothing in the plan's scope after the 2025 baseline yet
      expect(a.explanation.zh).toContain(a.name);
      expect(a.explanation.zh).toContain('结论：数据不足');
      expect(a.explanation.en).toContain('insufficient data');
      expect(a.direction.value).not.toBeNull(); // every direction is read from the name or target, and shown
    }
  });

  it('keeps figures in another scope apart (一般公共预算收入: 225 亿元 has no stated scope)', () => {
    const a = results[1];
    const codes = a?.flags.map((f) => f.code) ?? [];
    expect(codes).toEqual(expect.arrayContaining(['scope-mismatch', 'scope-unstated']));
    expect(a?.inputs.setAside.find((s) => s.value === 225)?.reason).toBe('scope-unstated');
    expect(a?.inputs.setAside.find((s) => s.value === 162.61)?.reason).toBe('before-baseline');
    expect(a?.inputs.setAside.find((s) => s.value === 162.3)?.reason).toBe('superseded');
    expect(a?.explanation.zh).toContain('225');
  });

  it('does not read 高新技术企业数 2285（含经开区） against the target 2000 as met or as a decline', () => {
    const a = results[4];
    expect(a?.status).toBe('数据不足');
    expect(a?.flags.map((f) => f.code)).toContain('scope-mismatch');
    expect(a?.explanation.zh).toContain('2285（含常州经开区）');
  });

  it('reads the directions and methods the table implies', () => {
    const by = new Map(results.map((a) => [a.seq, a]));
    expect(by.get('20')?.direction.value).toBe('lower');
    expect(by.get('19')?.direction.value).toBe('higher');
    expect(by.get('26')?.measure).toBe('annual-rate');
    expect(by.get('8')?.method).toBe('rate-cagr');
    expect(by.get('10')?.method).toBe('cumulative-sum');
    expect(by.get('26')?.method).toBe('cumulative-change');
    expect(by.get('13')?.method).toBe('external-set-value');
  });

  it('rolls up by group with the rule stated', () => {
    const items = results.map((assessment, i) => ({
      assessment,
      plan: '武进区“十五五”',
      group: ROWS[i]?.[1] ?? null,
      chapter: null,
      departments: [],
      phase: '改革突破年',
    }));
    const groups = rollUp(items, 'group');
    expect(groups.map((g) => g.total)).toEqual([19, 8]);
    expect(groups[1]?.summary.zh).toBe('约束类指标：共8项指标，数据不足8项；约束性指标8项，预警0项。');
  });

  it('applies the relative method to the published 2021 and 2023 growth figures (method check, 2020 base)', () => {
    const row = ROWS[0] as Row;
    const a = assessIndicator({ ...input(row, 2023), plan: { baselineYear: 2020, targetYear: 2025 } });
    expect(a.yearly.map((y) => [y.period, y.value, y.required, y.ok])).toEqual([
      [2021, 9.5, 9.1, true],
      [2023, 7.3, 6.8, true],
    ]);
    expect(a.status).toBe('符合预期');
    expect(a.flags.map((f) => f.code)).toEqual(
      expect.arrayContaining(['gap', 'reference-estimated', 'scope-mismatch']),
    );
  });
});
