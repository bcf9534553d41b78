import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';

const codes = (a: { flags: { code: string }[] }): string[] => a.flags.map((f) => f.code);

const growthIndicator = {
  name: '规上生产性服务业营业收入年均增速',
  unit: '%',
  direction: null,
  target: buildTarget({ text: '12', kind: 'rate', value: 12 }),
  baseline: null,
};

describe('rate targets on yearly rates (年均增速12%)', () => {
  it('compounds the yearly rates and compares the average with the target rate', () => {
    const a = assessIndicator(
      buildInput({
        indicator: growthIndicator,
        observations: obs([
          [2026, 11],
          [2027, 12],
        ]),
      }),
    );
    expect(a.measure).toBe('annual-rate');
    expect(a.direction.value).toBe('higher');
    const c = Math.sqrt(1.11 * 1.12) - 1;
    expect(a.forecast?.value).toBeCloseTo(c * 100);
    expect(a.progressRatio).toBeCloseTo((c * 100) / 12);
    expect(a.status).toBe('符合预期');
    expect(a.yearly.map((y) => y.ok)).toEqual([false, true]);
    const need = (Math.pow(Math.pow(1.12, 5) / (1.11 * 1.12), 1 / 3) - 1) * 100;
    expect(a.required?.value).toBeCloseTo(need);
    expect(a.required?.text.zh).toContain('还需年均增长');
  });

  it('reads a plain number on a growth indicator as a rate target', () => {
    const a = assessIndicator(
      buildInput({
        indicator: { ...growthIndicator, target: buildTarget({ text: '12', kind: 'absolute', value: 12 }) },
        observations: obs([[2026, 12.5]]),
      }),
    );
    expect(a.method).toBe('rate-cagr');
  });

  it('counts the target achieved once the growth so far equals the whole period at the target rate (flagged)', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2028,
        indicator: growthIndicator,
        observations: obs([
          [2026, 30],
          [2027, 25],
          [2028, 15],
        ]),
      }),
    );
    expect(a.status).toBe('已实现');
    expect(codes(a)).toContain('locked-in');
  });

  it('survives a negative year and refuses a fall of 100% or more', () => {
    const neg = assessIndicator(
      buildInput({
        indicator: growthIndicator,
        observations: obs([
          [2026, -3],
          [2027, 8],
        ]),
      }),
    );
    expect(neg.status).toBe('严重滞后');
    const broken = assessIndicator(
      buildInput({ indicator: growthIndicator, observations: obs([[2026, -120]]) }),
    );
    expect(broken.status).toBe('数据不足');
    expect(codes(broken)).toContain('non-positive-values');
  });

  it('uses CAGR between levels when observations are levels, and refuses non-positive levels', () => {
    const ind = {
      name: '营业收入',
      unit: '亿元',
      direction: 'higher' as const,
      target: buildTarget({ text: '年均增长7%以上', kind: 'rate', op: '>=', value: 7 }),
      baseline: { year: 2025, value: 100, text: '', estimated: false },
    };
    const a = assessIndicator(buildInput({ indicator: ind, observations: obs([[2027, 114.49]]) }));
    expect(a.measure).toBe('level');
    expect(a.forecast?.value).toBeCloseTo(7);
    expect(a.progressRatio).toBeCloseTo(1);
    expect(a.status).toBe('符合预期');
    const zero = assessIndicator(
      buildInput({
        indicator: { ...ind, baseline: { year: 2025, value: 0, text: '', estimated: false } },
        observations: obs([[2027, 5]]),
      }),
    );
    expect(zero.status).toBe('数据不足');
    expect(codes(zero)).toContain('non-positive-values');
  });
});

describe('range targets (4.5-5)', () => {
  const gdp = {
    name: '地区生产总值增长',
    unit: '%',
    direction: null,
    target: buildTarget({ text: '4.5-5', kind: 'range', value: 4.5, valueMax: 5 }),
    baseline: null,
  };

  it('places the compound average inside, below or above the band', () => {
    const inside = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 4.6],
          [2027, 4.9],
        ]),
      }),
    );
    expect(inside.rangePosition).toBe('inside');
    expect(inside.status).toBe('符合预期');
    const below = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 3],
          [2027, 3.2],
        ]),
      }),
    );
    expect(below.rangePosition).toBe('below');
    expect(below.status).toBe('滞后');
    const above = assessIndicator(
      buildInput({
        indicator: gdp,
        observations: obs([
          [2026, 6],
          [2027, 6.5],
        ]),
      }),
    );
    expect(above.rangePosition).toBe('above');
    expect(above.status).toBe('快于预期');
    const end = assessIndicator(
      buildInput({
        asOf: 2030,
        indicator: gdp,
        observations: obs([
          [2026, 4.6],
          [2027, 4.8],
          [2028, 4.7],
          [2029, 4.9],
          [2030, 4.6],
        ]),
      }),
    );
    expect(end.status).toBe('已实现');
  });

  it('on a level goes through the level path towards the nearer bound', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          name: '常住人口',
          unit: '万人',
          direction: null,
          target: buildTarget({ text: '135-140', kind: 'range', value: 135, valueMax: 140 }),
          baseline: { year: 2025, value: 130, text: '', estimated: false },
        },
        observations: obs([[2027, 132]]),
      }),
    );
    expect(a.method).toBe('range-band');
    expect(a.rangePosition).toBe('below');
    expect(a.expected).toBeCloseTo(132);
    expect(a.status).toBe('符合预期');
  });
});
