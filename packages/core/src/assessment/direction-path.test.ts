import { describe, expect, it } from 'vitest';
import { inferMeasure, resolveDirection } from './direction.infer.js';
import { buildTarget } from './fixtures/assessment-input.factory.js';
import { fitTrend } from './forecast.js';
import { cagr, defaultPathModel, expectedOnPath, requiredAnnual } from './level-path.js';
import type { AssessedIndicator } from './assessment.types.js';

const ind = (
  name: string,
  unit: string | null,
  text = '10',
  extra: Partial<AssessedIndicator> = {},
): AssessedIndicator => ({
  seq: '1',
  name,
  unit,
  attribute: null,
  direction: null,
  target: buildTarget({ text, value: 10 }),
  baseline: null,
  ...extra,
});

describe('direction', () => {
  it('keeps an explicit direction and says so', () => {
    const d = resolveDirection(ind('细颗粒物浓度', null, '10', { direction: 'higher' }));
    expect(d).toMatchObject({ value: 'higher', source: 'explicit' });
  });

  it.each([
    ['细颗粒物（PM2.5）年均浓度', '微克/立方米', 'lower'],
    ['生产安全事故死亡人数', '人', 'lower'],
    ['单位GDP二氧化碳排放降低', '%', 'higher'], // the value is a reduction
    ['生产安全事故死亡人数下降', '%', 'higher'],
    ['一般公共预算收入', '亿元', 'higher'],
    ['人均预期寿命', '岁', 'higher'],
    ['优良水体比例', '%', 'higher'],
    ['地区生产总值（GDP）增长', '%', 'higher'],
  ])('infers %s (%s) → %s and gives the reason', (name, unit, expected) => {
    const d = resolveDirection(ind(name, unit));
    expect(d.value).toBe(expected);
    expect(d.source).toBe('inferred');
    expect(d.reason.zh.length).toBeGreaterThan(0);
    expect(d.reason.en.length).toBeGreaterThan(0);
  });

  it('reads the comparator and a change target', () => {
    expect(
      resolveDirection(ind('某量', null, '≤2300', { target: buildTarget({ op: '<=', value: 2300 }) })).value,
    ).toBe('lower');
    expect(
      resolveDirection(
        ind('某量', null, '下降20%', { target: buildTarget({ change: 'decrease', value: 20 }) }),
      ).value,
    ).toBe('lower');
  });

  it('reports unknown rather than defaulting', () => {
    const d = resolveDirection(ind('某量', null));
    expect(d.value).toBeNull();
    expect(d.source).toBe('unknown');
  });

  it('infers the measure basis: yearly rates for growth and reduction percentages', () => {
    expect(inferMeasure(ind('地区生产总值（GDP）增长', '%'))).toBe('annual-rate');
    expect(inferMeasure(ind('规上生产性服务业营业收入年均增速', '%'))).toBe('annual-rate');
    expect(inferMeasure(ind('单位GDP二氧化碳排放降低', '%'))).toBe('annual-rate');
    expect(inferMeasure(ind('研发经费支出占地区生产总值比重', '%'))).toBe('level');
    expect(inferMeasure(ind('一般公共预算收入', '亿元'))).toBe('level');
  });
});

describe('paths, required change and trend', () => {
  it('defaults the path model by unit and kind', () => {
    expect(defaultPathModel('亿元', 'absolute')).toBe('compound');
    expect(defaultPathModel('%', 'absolute')).toBe('linear');
    expect(defaultPathModel('%', 'rate')).toBe('compound');
    expect(defaultPathModel(null, 'absolute')).toBe('linear');
  });

  it('computes linear and compound expected values', () => {
    expect(expectedOnPath('linear', 100, 200, 2025, 2030, 2027)).toBeCloseTo(140);
    expect(expectedOnPath('compound', 100, 200, 2025, 2030, 2030)).toBeCloseTo(200);
    expect(expectedOnPath('compound', 100, 200, 2025, 2030, 2027)).toBeCloseTo(100 * Math.pow(2, 0.4));
    // not applicable (zero start): linear
    expect(expectedOnPath('compound', 0, 10, 2025, 2030, 2027)).toBeCloseTo(4);
  });

  it('states the required growth as (target ÷ current)^(1/years) − 1', () => {
    expect(requiredAnnual('compound', 180, 218, 3)?.value).toBeCloseTo(
      (Math.pow(218 / 180, 1 / 3) - 1) * 100,
    );
    expect(requiredAnnual('linear', 180, 218, 2)?.value).toBeCloseTo(19);
    expect(requiredAnnual('compound', -1, 218, 2)).toBeNull();
    expect(requiredAnnual('compound', 1, 2, 0)).toBeNull();
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1);
    expect(cagr(0, 121, 2)).toBeNull();
  });

  it('fits least-squares trends and needs two distinct years', () => {
    expect(fitTrend([{ t: 2025, v: 1 }], 'linear')).toBeNull();
    const lin = fitTrend(
      [
        { t: 2025, v: 1 },
        { t: 2026, v: 2 },
        { t: 2027, v: 3 },
      ],
      'linear',
    );
    expect(lin?.trend.project(2030)).toBeCloseTo(6);
    const log = fitTrend(
      [
        { t: 2025, v: 100 },
        { t: 2026, v: 110 },
        { t: 2027, v: 121 },
      ],
      'compound',
    );
    expect(log?.trend.model).toBe('log-linear-trend');
    expect(log?.trend.project(2028)).toBeCloseTo(133.1);
    const fb = fitTrend(
      [
        { t: 2025, v: -1 },
        { t: 2026, v: 1 },
      ],
      'compound',
    );
    expect(fb?.fellBack).toBe(true);
  });
});
