import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';

const codes = (a: { flags: { code: string }[] }): string[] => a.flags.map((f) => f.code);
const city = (pairs: [number, number][]): { name: string; points: { period: number; value: number }[] } => ({
  name: '全市平均',
  points: pairs.map(([period, value]) => ({ period, value })),
});

describe('relative targets', () => {
  const gdp = {
    name: '地区生产总值（GDP）增长',
    unit: '%',
    direction: null,
    target: buildTarget({ text: '高于全市平均', kind: 'relative', op: '>', reference: '全市平均' }),
    baseline: null,
  };

  it('compares year by year and on the compound average (高于全市平均)', () => {
    const a = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 6],
          [2027, 5.5],
        ]),
        references: [
          city([
            [2026, 5],
            [2027, 5.2],
          ]),
        ],
      }),
    );
    expect(a.method).toBe('relative-reference');
    expect(a.yearly.map((y) => y.ok)).toEqual([true, true]);
    expect(a.status).toBe('符合预期');
    expect(a.inputs.reference?.name).toBe('全市平均');
    const ahead = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 7],
          [2027, 7],
        ]),
        references: [
          city([
            [2026, 5],
            [2027, 5.2],
          ]),
        ],
      }),
    );
    expect(ahead.status).toBe('快于预期');
    const mixed = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 7],
          [2027, 5],
        ]),
        references: [
          city([
            [2026, 5],
            [2027, 5.2],
          ]),
        ],
      }),
    );
    expect(mixed.status).toBe('基本符合');
    const behind = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 4.5],
          [2027, 4.6],
        ]),
        references: [
          city([
            [2026, 5],
            [2027, 5.2],
          ]),
        ],
      }),
    );
    expect(behind.status).toBe('滞后');
    expect(behind.required?.text.zh).toContain('还需年均增长');
    const far = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 2],
          [2027, 2],
        ]),
        references: [
          city([
            [2026, 5],
            [2027, 5.2],
          ]),
        ],
      }),
    );
    expect(far.status).toBe('严重滞后');
  });

  it('is 已实现 only when the whole period is covered', () => {
    const years: [number, number][] = [
      [2026, 6],
      [2027, 6],
      [2028, 6],
      [2029, 6],
      [2030, 6],
    ];
    const a = assessIndicator(
      buildInput({
        asOf: 2030,
        indicator: gdp,
        observations: obs(years),
        references: [city(years.map(([y]) => [y, 5]))],
      }),
    );
    expect(a.status).toBe('已实现');
  });

  it('allows the office sync band for 与经济增长同步', () => {
    const income = {
      name: '居民人均可支配收入增长',
      unit: '%',
      direction: null,
      target: buildTarget({ text: '与经济增长同步', kind: 'relative', op: '~', reference: '经济增长' }),
      baseline: null,
    };
    const ref = {
      name: '经济增长',
      points: [
        { period: 2026, value: 6 },
        { period: 2027, value: 6 },
      ],
    };
    expect(
      assessIndicator(
        buildInput({
          indicator: income,
          observations: obs([
            [2026, 5.7],
            [2027, 5.8],
          ]),
          references: [ref],
        }),
      ).status,
    ).toBe('符合预期');
    expect(
      assessIndicator(
        buildInput({
          indicator: income,
          observations: obs([
            [2026, 5.2],
            [2027, 5.3],
          ]),
          references: [ref],
        }),
      ).status,
    ).toBe('滞后');
  });

  it('returns 数据不足 with a flag when the reference series is missing', () => {
    const a = assessIndicator(buildInput({ indicator: gdp, observations: obs([[2026, 6]]) }));
    expect(a.status).toBe('数据不足');
    expect(codes(a)).toContain('reference-missing');
  });

  it('compounds reductions for 不低于全市下降目标', () => {
    const co2 = {
      name: '单位GDP二氧化碳排放降低',
      unit: '%',
      attribute: '约束性' as const,
      direction: null,
      target: buildTarget({
        text: '不低于全市下降目标',
        kind: 'relative',
        op: '>=',
        reference: '全市下降目标',
      }),
      baseline: null,
    };
    const ref = {
      name: '全市下降目标',
      points: [
        { period: 2026, value: 3.5 },
        { period: 2027, value: 3.5 },
      ],
    };
    const a = assessIndicator(
      buildInput({
        indicator: co2,
        observations: obs([
          [2026, 3.8],
          [2027, 3.2],
        ]),
        references: [ref],
      }),
    );
    expect(a.direction.value).toBe('higher');
    expect(a.binding?.map((b) => b.verdict)).toEqual(['达标', '未达标']);
    expect(a.status).toBe('基本符合');
  });
});

describe('external targets (完成市定目标)', () => {
  const pm = {
    name: '细颗粒物（PM2.5）年均浓度',
    unit: '微克/立方米',
    attribute: '约束性' as const,
    direction: null,
    target: buildTarget({ text: '完成市定目标', kind: 'external', setBy: '市' }),
    baseline: null,
  };
  const set = {
    name: '市定目标',
    points: [
      { period: 2026, value: 30 },
      { period: 2027, value: 29.5 },
      { period: 2030, value: 27 },
    ],
  };

  it('checks each year against the set value, lower being better for a concentration', () => {
    const a = assessIndicator(
      buildInput({
        indicator: pm,
        observations: obs([
          [2026, 29.5],
          [2027, 29.2],
        ]),
        references: [set],
      }),
    );
    expect(a.direction.value).toBe('lower');
    expect(a.status).toBe('符合预期');
    expect(a.binding?.map((b) => b.verdict)).toEqual(['达标', '达标']);
    expect(a.forecast?.meetsTarget).toBe(false);
    expect(a.warning).toBe(true);
  });

  it('grades a miss by attainment, and is 已实现 when the target-year value is already met', () => {
    expect(
      assessIndicator(buildInput({ indicator: pm, observations: obs([[2027, 30]]), references: [set] }))
        .status,
    ).toBe('基本符合');
    expect(
      assessIndicator(buildInput({ indicator: pm, observations: obs([[2027, 35]]), references: [set] }))
        .status,
    ).toBe('滞后');
    expect(
      assessIndicator(buildInput({ indicator: pm, observations: obs([[2027, 45]]), references: [set] }))
        .status,
    ).toBe('严重滞后');
    expect(
      assessIndicator(buildInput({ indicator: pm, observations: obs([[2027, 26]]), references: [set] }))
        .status,
    ).toBe('已实现');
  });

  it('returns 数据不足 until the set values are recorded, or uses a recorded judgement', () => {
    const none = assessIndicator(buildInput({ indicator: pm, observations: obs([[2027, 28]]) }));
    expect(none.status).toBe('数据不足');
    const judged = assessIndicator(
      buildInput({
        indicator: pm,
        observations: obs([[2027, 28]]),
        judgement: { status: '符合预期', reviewer: '区生态环境局', period: 2027, note: '完成市下达指标' },
      }),
    );
    expect(judged.status).toBe('符合预期');
    expect(judged.method).toBe('reviewer-judgement');
    expect(codes(judged)).toContain('judgement-used');
  });
});
