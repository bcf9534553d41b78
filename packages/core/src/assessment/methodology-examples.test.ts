import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import type { AssessedIndicator, AssessmentInput } from './assessment.types.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';

/** The worked examples of docs/methodology.md §5–§6, number for number (illustrative data). */
const B = (value: number): AssessedIndicator['baseline'] => ({
  year: 2025,
  value,
  text: String(value),
  estimated: false,
});
const run = (
  indicator: Partial<AssessedIndicator>,
  pairs: [number, number][],
  extra: Partial<AssessmentInput> = {},
) =>
  assessIndicator(
    buildInput({ indicator: { direction: null, ...indicator }, observations: obs(pairs), ...extra }),
  );

describe('docs/methodology.md worked examples', () => {
  it('§5.1 一般公共预算收入 218 (compound)', () => {
    const a = run(
      {
        name: '一般公共预算收入',
        unit: '亿元',
        target: buildTarget({ text: '218', value: 218 }),
        baseline: B(160),
      },
      [
        [2026, 168],
        [2027, 180],
      ],
    );
    expect(a.expected).toBeCloseTo(181.073, 3);
    expect(a.progressRatio).toBeCloseTo(0.949, 3);
    expect(a.status).toBe('基本符合');
    expect(a.forecast?.value).toBeCloseTo(214.06, 2);
    expect(a.required?.value).toBeCloseTo(6.59, 2);
  });

  it('§5.1 研发经费支出占比 4以上 and 林木覆盖率 26.5左右 and ≤2300', () => {
    const rd = run(
      {
        name: '研发经费支出占地区生产总值比重',
        unit: '%',
        target: buildTarget({ text: '4以上', op: '>=', value: 4 }),
        baseline: B(3.6),
      },
      [[2027, 3.8]],
    );
    expect([rd.expected, rd.progressRatio, rd.status]).toEqual([
      expect.closeTo(3.76, 6),
      expect.closeTo(1.25, 6),
      '快于预期',
    ]);
    const forest = {
      name: '林木覆盖率',
      unit: '%',
      target: buildTarget({ text: '26.5左右', op: '~', value: 26.5 }),
      baseline: B(25.4),
    };
    const f = run(forest, [
      [2026, 25.6],
      [2027, 25.75],
    ]);
    expect([f.expected, f.progressRatio, f.status]).toEqual([
      expect.closeTo(25.628, 3),
      expect.closeTo(1.535, 3),
      '快于预期',
    ]);
    expect(run(forest, [[2027, 26.1]]).status).toBe('已实现');
    expect(run(forest, [[2027, 26.1]], { options: { tolerance: { absolute: 0.2 } } }).status).not.toBe(
      '已实现',
    );
    const energy = run(
      {
        name: '能源消费总量',
        unit: '万吨标准煤',
        target: buildTarget({ text: '≤2300', op: '<=', value: 2300 }),
        baseline: B(2500),
      },
      [
        [2026, 2470],
        [2027, 2420],
      ],
    );
    expect([energy.progressRatio, energy.status, energy.required?.value]).toEqual([
      expect.closeTo(1, 6),
      '符合预期',
      expect.closeTo(-40, 6),
    ]);
    expect(energy.forecast?.value).toBeCloseTo(2303.33, 2);
  });

  it('§5.2 and §5.3 range and rate', () => {
    const gdp = {
      name: '地区生产总值增长',
      unit: '%',
      target: buildTarget({ text: '4.5-5', kind: 'range', value: 4.5, valueMax: 5 }),
      baseline: null,
    };
    expect(
      run(gdp, [
        [2026, 4.6],
        [2027, 4.9],
      ]).forecast?.value,
    ).toBeCloseTo(4.75, 2);
    const low = run(gdp, [
      [2026, 3],
      [2027, 3.2],
    ]);
    expect([low.progressRatio, low.status]).toEqual([expect.closeTo(0.689, 3), '滞后']);
    const rate = run(
      {
        name: '规上生产性服务业营业收入年均增速',
        unit: '%',
        target: buildTarget({ text: '12', kind: 'rate', value: 12 }),
        baseline: null,
      },
      [
        [2026, 11],
        [2027, 12],
      ],
    );
    expect([rate.progressRatio, rate.status, rate.required?.value]).toEqual([
      expect.closeTo(0.958, 3),
      '符合预期',
      expect.closeTo(12.34, 2),
    ]);
  });

  it('§5.4 cumulative sum and cumulative reduction', () => {
    const jobs = run(
      {
        name: '城镇新增就业人数',
        unit: '万人',
        target: buildTarget({ text: '11以上（累计）', kind: 'cumulative', op: '>=', value: 11 }),
        baseline: null,
      },
      [
        [2026, 2.2],
        [2027, 2.3],
        [2028, 2.0],
      ],
      { asOf: 2028 },
    );
    expect([
      jobs.expected,
      jobs.progressRatio,
      jobs.status,
      jobs.forecast?.value,
      jobs.required?.value,
    ]).toEqual([
      expect.closeTo(6.6, 6),
      expect.closeTo(0.985, 3),
      '符合预期',
      expect.closeTo(10.83, 2),
      expect.closeTo(2.25, 6),
    ]);
    const energy = run(
      {
        name: '单位GDP能耗降低',
        unit: '%',
        attribute: '约束性',
        target: buildTarget({ text: '〔13.5〕', kind: 'cumulative', value: 13.5 }),
        baseline: null,
      },
      [
        [2026, 3.0],
        [2027, 2.8],
      ],
    );
    expect([energy.expected, energy.progressRatio, energy.status, energy.required?.value]).toEqual([
      expect.closeTo(5.64, 2),
      expect.closeTo(1.014, 3),
      '符合预期',
      expect.closeTo(2.83, 2),
    ]);
    expect(energy.binding?.map((b) => b.verdict)).toEqual(['达标', '达标']);
  });

  it('§5.5 changes', () => {
    const water = run(
      {
        name: '单位GDP用水量',
        unit: '立方米/万元',
        target: buildTarget({ text: '下降20%', value: 20, unit: '%', change: 'decrease' }),
        baseline: B(50),
      },
      [[2027, 45.6]],
    );
    expect([
      water.targetValue,
      water.expected,
      water.progressRatio,
      water.status,
      water.required?.value,
    ]).toEqual([
      expect.closeTo(40, 6),
      expect.closeTo(45.731, 3),
      expect.closeTo(1.031, 3),
      '符合预期',
      expect.closeTo(-4.27, 2),
    ]);
    const urban = run(
      {
        name: '常住人口城镇化率',
        unit: '%',
        target: buildTarget({
          text: '提高1个百分点以上',
          op: '>=',
          value: 1,
          unit: '个百分点',
          change: 'increase',
        }),
        baseline: B(73.6),
      },
      [
        [2026, 73.8],
        [2027, 74.1],
      ],
    );
    expect([urban.targetValue, urban.expected, urban.progressRatio, urban.status]).toEqual([
      expect.closeTo(74.6, 6),
      expect.closeTo(74, 6),
      expect.closeTo(1.25, 6),
      '快于预期',
    ]);
  });

  it('§5.7, §5.8 and §6 external, qualitative, binding', () => {
    const set = {
      name: '市定目标',
      points: [
        { period: 2026, value: 30 },
        { period: 2027, value: 29.5 },
        { period: 2030, value: 27 },
      ],
    };
    const pm = run(
      {
        name: '细颗粒物（PM2.5）年均浓度',
        unit: '微克/立方米',
        attribute: '约束性',
        target: buildTarget({ text: '完成市定目标', kind: 'external', op: null, setBy: '市' }),
        baseline: null,
      },
      [
        [2026, 29.5],
        [2027, 29.2],
      ],
      { references: [set] },
    );
    expect([pm.status, pm.warning, pm.forecast?.value, pm.required?.value]).toEqual([
      '符合预期',
      true,
      expect.closeTo(28.3, 6),
      expect.closeTo(-0.733, 3),
    ]);
    const q = run(
      {
        name: '公共服务满意度',
        unit: '%',
        target: buildTarget({ text: '稳中有升', kind: 'qualitative', op: null }),
        baseline: B(92),
      },
      [
        [2026, 92.4],
        [2027, 92.9],
      ],
    );
    expect(q.status).toBe('符合预期');
    const land = run(
      {
        name: '耕地保有量',
        unit: '万亩',
        attribute: '约束性',
        target: buildTarget({ text: '14.22', value: 14.22 }),
        baseline: B(14.3),
      },
      [
        [2026, 14.26],
        [2027, 14.23],
      ],
    );
    expect([land.status, land.warning, land.forecast?.value]).toEqual([
      '已实现',
      true,
      expect.closeTo(14.12, 2),
    ]);
    expect(land.binding?.map((b) => b.verdict)).toEqual(['达标', '达标']);
  });
});
