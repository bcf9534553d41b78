import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkObservationQuality } from './quality-checks.js';
import { previousPeriod } from './quality-period.js';
import type { QualityCheckInput, QualityIndicator } from './quality.types.js';

// Synthetic indicators and values, for the rules only (no published figure is used here).
const target = (
  value: number | null,
  kind: 'absolute' | 'cumulative' | 'rate' | 'relative' = 'absolute',
) => ({
  kind,
  value,
  valueMax: null,
  unit: null,
  scope: null,
});
const revenue: QualityIndicator = {
  name: '一般公共预算收入',
  unit: '亿元',
  target: target(218),
  direction: 'higher',
};
const share: QualityIndicator = { name: '制造业增加值占地区生产总值比重', unit: '%', target: target(45) };
const growth: QualityIndicator = {
  name: '地区生产总值（GDP）增长',
  unit: '%',
  target: target(null, 'relative'),
};
const reduction: QualityIndicator = {
  name: '单位GDP二氧化碳排放降低',
  unit: '%',
  target: target(null, 'relative'),
};
const talents: QualityIndicator = { name: '新增人才数', unit: '万人', target: target(10, 'cumulative') };

function check(indicator: QualityIndicator, value: number | null, extra: Partial<QualityCheckInput> = {}) {
  return checkObservationQuality({
    indicator,
    observation: { period: '2027', value },
    previous: [],
    ...extra,
  });
}
const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('plausible range', () => {
  it('flags a share outside 0–100 %, as an error below zero', () => {
    expect(check(share, 104)).toMatchObject([{ code: 'share-out-of-range', severity: 'warning' }]);
    const [flag] = check(share, -2);
    expect(flag).toMatchObject({ code: 'share-out-of-range', severity: 'error' });
    expect(flag?.message.zh).toContain('-2%');
    expect(flag?.message.en).toContain('0–100%');
    expect(check(share, 0)).toEqual([]);
    expect(check(share, 100)).toEqual([]);
  });

  it('flags a negative level but not a negative growth rate', () => {
    expect(check(revenue, -5)).toMatchObject([{ code: 'negative-value', severity: 'error' }]);
    expect(check(growth, -3.5)).toEqual([]);
    expect(check({ ...revenue, name: '净增高新技术企业数', unit: '家' }, -12)).toEqual([]);
  });

  it('flags growth below −100 % as impossible and above 100 % as implausible', () => {
    expect(check(growth, -120)).toMatchObject([{ code: 'rate-out-of-range', severity: 'error' }]);
    expect(check(growth, 130)).toMatchObject([{ code: 'rate-out-of-range', severity: 'warning' }]);
    expect(check(reduction, 101)).toMatchObject([{ code: 'rate-out-of-range', severity: 'error' }]);
  });
});

describe('magnitude', () => {
  it('flags a level ten times away from baseline and target (a 万元/亿元 slip), with the numbers', () => {
    const withBaseline = { ...revenue, baseline: { year: 2025, value: 200 } };
    const [flag] = check(withBaseline, 2_160_000);
    expect(flag?.code).toBe('magnitude');
    expect(flag?.message.zh).toContain('基期值 200');
    expect(flag?.message.zh).toContain('目标值 218');
    expect(flag?.details).toMatchObject({ value: 2_160_000, baseline: 200, target: 218 });
    expect(check(withBaseline, 2.16)).toMatchObject([{ code: 'magnitude' }]);
    expect(check(withBaseline, 216)).toEqual([]);
  });

  it('needs every reference to be far: near the target is fine even when far from the baseline', () => {
    expect(check({ ...revenue, baseline: { year: 2025, value: 10 } }, 210)).toEqual([]);
  });

  it('flags a share written as a fraction', () => {
    expect(codes(check(share, 0.45))).toEqual(['magnitude']);
  });
});

describe('jump against the previous period', () => {
  const prev = (period: string, value: number, scope: string | null = null) => ({ period, value, scope });

  it('flags a level more than +50 % above the previous year, saying which way is better', () => {
    const [flag] = check(revenue, 330, { previous: [prev('2026', 210)] });
    expect(flag).toMatchObject({ code: 'jump', severity: 'warning' });
    expect(flag?.message.zh).toContain('2026年：210');
    expect(flag?.message.zh).toContain('+57.14%');
    expect(flag?.message.zh).toContain('向好');
    expect(check(revenue, 130, { previous: [prev('2026', 210)] })).toMatchObject([{ code: 'jump' }]);
  });

  it('does not flag ordinary growth, nor compare across scopes or non-adjacent years', () => {
    expect(check(revenue, 226, { previous: [prev('2026', 210)] })).toEqual([]);
    expect(check(revenue, 330, { previous: [prev('2025', 210)] })).toEqual([]);
    expect(check(revenue, 330, { previous: [prev('2026', 210, '含常州经开区')] })).toEqual([]);
  });

  it('compares rates and shares in percentage points', () => {
    expect(check(growth, 18, { previous: [prev('2026', 6)] })).toMatchObject([{ code: 'jump' }]);
    expect(check(growth, 9.6, { previous: [prev('2026', 4.9)] })).toEqual([]);
    expect(check(share, 47, { previous: [prev('2026', 45)] })).toEqual([]);
  });

  it('lets yearly increments of a cumulative target swing up to threefold, and ignores tiny ones', () => {
    expect(check(talents, 3, { previous: [prev('2026', 1.5)] })).toEqual([]);
    expect(check(talents, 5, { previous: [prev('2026', 1.5)] })).toMatchObject([{ code: 'jump' }]);
    const small = { ...talents, name: '完整社区数', unit: '个', target: target(10, 'cumulative') };
    expect(check(small, 0.3, { previous: [prev('2026', 0.05)] })).toEqual([]);
  });

  it('compares a quarter with the same quarter a year earlier', () => {
    expect(previousPeriod('2026Q2')).toBe('2025Q2');
    expect(previousPeriod('2026H2')).toBe('2025H2');
    expect(previousPeriod('2026-03')).toBe('2025-03');
    expect(previousPeriod('2026')).toBe('2025');
    expect(previousPeriod('last year')).toBeNull();
  });

  it('compares a half-year with the same half-year a year earlier, never with a year or a quarter', () => {
    const half = (value: number, extra: Partial<QualityCheckInput>) =>
      checkObservationQuality({
        indicator: growth,
        observation: { period: '2027H1', value },
        previous: [],
        ...extra,
      });
    expect(half(18, { previous: [prev('2026H1', 6)] })).toMatchObject([{ code: 'jump' }]);
    expect(half(6.2, { previous: [prev('2026H1', 6)] })).toEqual([]);
    expect(half(18, { previous: [prev('2026', 6), prev('2026Q2', 6)] })).toEqual([]);
  });
});

describe('unit and scope', () => {
  it('flags another unit and stops there (the value is not comparable)', () => {
    const flags = check(revenue, 2_160_000, {
      observation: { period: '2027', value: 2_160_000, unit: '万元' },
    });
    expect(codes(flags)).toEqual(['unit-mismatch']);
    expect(flags[0]?.message.zh).toContain('“万元”');
    expect(check(share, 45, { observation: { period: '2027', value: 45, unit: '（％）' } })).toEqual([]);
  });

  it('flags a stated scope that differs from the indicator’s; an unstated one is the default', () => {
    const forest: QualityIndicator = {
      name: '林木覆盖率',
      unit: '%',
      target: { ...target(26.5), scope: '含常州经开区' },
    };
    const other = { observation: { period: '2027', value: 26, scope: '不含常州经开区' } };
    expect(check(forest, 26, other)).toMatchObject([{ code: 'scope-mismatch' }]);
    expect(
      check(forest, 26, { observation: { period: '2027', value: 26, scope: '（含常州经开区）' } }),
    ).toEqual([]);
    expect(check(forest, 26, { observation: { period: '2027', value: 26, scope: '' } })).toEqual([]);
    const aliases = { 不含经开区: '不含常州经开区' };
    const indicator = { ...forest, target: { ...forest.target!, scope: '不含常州经开区' } };
    const obs = { observation: { period: '2027', value: 26, scope: '不含经开区' }, scopeAliases: aliases };
    expect(check(indicator, 26, obs)).toEqual([]);
  });
});

describe('does not cry wolf', () => {
  it('raises nothing for a level growing 0–30 % a year near its target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (before, rate) => {
          const value = before * (1 + rate);
          const indicator = { ...revenue, target: target(before * 1.2) };
          return check(indicator, value, { previous: [{ period: '2026', value: before }] }).length === 0;
        },
      ),
    );
  });

  it('raises nothing without a value', () => {
    expect(check(revenue, null)).toEqual([]);
  });
});

describe('history, powers of ten and evidence (before submission)', () => {
  const gdpHistory = [
    { period: '2024', value: 6.1 },
    { period: '2025', value: 5.8 },
  ];

  it('names a value ten times the last value as a decimal slip when the previous period is not at hand', () => {
    const history = [
      { period: '2023', value: 6.1 },
      { period: '2024', value: 5.8 },
    ];
    const flags = check(growth, 58, { previous: history, observation: { period: '2026', value: 58 } });
    expect(codes(flags)).toEqual(['power-of-ten']);
    expect(flags[0]?.message.zh).toContain('10 倍');
    expect(flags[0]?.message.en).toContain('2024: 5.8');
    // With the previous year at hand the jump rule speaks, once.
    const withPrevious = check(growth, 58, {
      previous: gdpHistory,
      observation: { period: '2026', value: 58 },
    });
    expect(codes(withPrevious)).toEqual(['jump']);
  });

  it('flags a value far outside the indicator’s own history even when the previous period is missing', () => {
    const history = [
      { period: '2023', value: 6.1 },
      { period: '2024', value: 5.8 },
    ];
    const flags = check(growth, 31, { previous: history, observation: { period: '2026', value: 31 } });
    expect(codes(flags)).toEqual(['history-outlier']);
    expect(flags[0]?.details).toMatchObject({ min: 5.8, max: 6.1 });
    expect(check(growth, 7.2, { previous: history, observation: { period: '2026', value: 7.2 } })).toEqual(
      [],
    );
  });

  it('compares only values of the same period shape and scope', () => {
    const quarterly = [
      { period: '2025Q1', value: 1.2 },
      { period: '2025Q2', value: 2.5 },
    ];
    expect(check(growth, 30, { previous: quarterly, observation: { period: '2026', value: 30 } })).toEqual(
      [],
    );
    const otherScope = gdpHistory.map((h) => ({ ...h, scope: '全口径' }));
    expect(check(growth, 30, { previous: otherScope, observation: { period: '2026', value: 30 } })).toEqual(
      [],
    );
  });

  it('flags a level about ten times the last value that the target-based magnitude rule lets pass', () => {
    const history = [
      { period: '2023', value: 180 },
      { period: '2024', value: 195 },
    ];
    const flags = check(revenue, 1950, { previous: history, observation: { period: '2026', value: 1950 } });
    expect(codes(flags)).toEqual(['power-of-ten']);
    expect(flags[0]?.details).toMatchObject({ against: 'last', power: 1 });
  });

  it('does not flag ordinary growth of a level', () => {
    const history = [
      { period: '2024', value: 180 },
      { period: '2025', value: 195 },
    ];
    expect(check(revenue, 205, { previous: history, observation: { period: '2026', value: 205 } })).toEqual(
      [],
    );
  });

  it('flags missing evidence only where the office requires it', () => {
    expect(codes(check(revenue, 205, { evidence: { required: true, attached: 0 } }))).toEqual([
      'evidence-missing',
    ]);
    expect(check(revenue, 205, { evidence: { required: true, attached: 1 } })).toEqual([]);
    expect(check(revenue, 205, { evidence: { required: false, attached: 0 } })).toEqual([]);
  });
});
