import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, defineThresholds, validateThresholds } from './assessment-thresholds.config.js';
import { assessIndicator, assessIndicators } from './assessment.engine.js';
import { fmt } from './explanation.builder.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';

describe('binding indicators (约束性)', () => {
  const land = {
    name: '耕地保有量',
    unit: '万亩',
    attribute: '约束性' as const,
    direction: null,
    target: buildTarget({ text: '14.22', value: 14.22 }),
    baseline: { year: 2025, value: 14.3, text: '', estimated: false },
  };

  it('get 达标/未达标 per year', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2028,
        indicator: land,
        observations: obs([
          [2026, 14.3],
          [2027, 14.1],
          [2028, 14.25],
        ]),
      }),
    );
    expect(a.binding).toEqual([
      { period: 2026, verdict: '达标' },
      { period: 2027, verdict: '未达标' },
      { period: 2028, verdict: '达标' },
    ]);
    expect(a.status).toBe('已实现');
  });

  it('get a 预警 when the projection misses the target, even while the latest year is met', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2027,
        indicator: land,
        observations: obs([
          [2026, 14.26],
          [2027, 14.23],
        ]),
      }),
    );
    expect(a.status).toBe('已实现');
    expect(a.forecast?.meetsTarget).toBe(false);
    expect(a.warning).toBe(true);
    expect(a.explanation.zh).toContain('预警');
  });

  it('expected (预期性) indicators get neither verdicts nor warnings', () => {
    const a = assessIndicator(
      buildInput({ indicator: { ...land, attribute: '预期性' }, observations: obs([[2026, 14.0]]) }),
    );
    expect(a.binding).toBeNull();
    expect(a.warning).toBe(false);
  });

  it('at the target year give the known outcome: no forecast, a warning only if missed', () => {
    const missed = assessIndicator(
      buildInput({
        asOf: 2030,
        indicator: land,
        observations: obs([
          [2029, 14.25],
          [2030, 14.1],
        ]),
      }),
    );
    expect(missed.forecast).toBeNull();
    expect(missed.warning).toBe(true);
    const kept = assessIndicator(
      buildInput({ asOf: 2030, indicator: land, observations: obs([[2030, 14.3]]) }),
    );
    expect(kept.warning).toBe(false);
  });

  it('do not warn when there is nothing to judge (数据不足)', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          ...land,
          baseline: null,
          target: buildTarget({ text: '14.22', value: 14.22, op: '>=' }),
        },
        observations: obs([[2026, 14.0]]),
      }),
    );
    expect(a.status).toBe('数据不足');
    expect(a.warning).toBe(false);
  });
});

describe('thresholds', () => {
  it('are stored with each assessment and change the grade when the office changes them', () => {
    const strict = defineThresholds({
      id: '武进区2027年度监测',
      setBy: '区发改局规划科',
      progress: { onTrack: 1, broadly: 0.9 },
    });
    const input = buildInput({ observations: obs([[2027, 138.5]]) }); // P = 0.9625
    expect(assessIndicator(input).status).toBe('符合预期');
    const a = assessIndicator({ ...input, thresholds: strict });
    expect(a.status).toBe('基本符合');
    expect(a.thresholds.id).toBe('武进区2027年度监测');
    expect(a.explanation.zh).toContain('武进区2027年度监测');
    expect(assessIndicator(input).thresholds).toBe(DEFAULT_THRESHOLDS);
  });

  it('are validated once, when defined', () => {
    expect(() => defineThresholds({ id: 'bad', progress: { onTrack: 0.5, broadly: 0.9 } })).toThrow(
      RangeError,
    );
    expect(validateThresholds(DEFAULT_THRESHOLDS)).toEqual([]);
  });
});

describe('explanation and output', () => {
  it('formats numbers without trailing zeros or float noise', () => {
    expect(fmt(187.78113, 3)).toBe('187.781');
    expect(fmt(0.05)).toBe('0.05');
    expect(fmt(2.5, 3)).toBe('2.5');
    expect(fmt(-1.005, 1)).toBe('-1');
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(-0.0001)).toBe('0');
    expect(fmt(218)).toBe('218');
    expect(fmt(Number.NaN)).toBe('—');
    expect(fmt(1e20)).toBe('100000000000000000000');
  });

  it('states inputs, formula, numbers and result in Chinese and English', () => {
    const a = assessIndicator(
      buildInput({ indicator: { name: '一般公共预算收入', unit: '亿元' }, observations: obs([[2027, 130]]) }),
    );
    expect(a.explanation.zh).toMatch(/基期.*采用数据.*公式.*进度比.*结论：/s);
    expect(a.explanation.en).toMatch(/Baseline.*Data used.*formula.*Progress ratio.*Result:/s);
    expect(a.explanation.zh).toContain('还需年均增长');
    expect(a.methodName.zh).toBe('水平值对照预期路径');
    expect(a.formula.en).toContain('P = (V − B)/(E − B)');
  });

  it('assesses many inputs in order', () => {
    const list = assessIndicators([
      buildInput({ observations: obs([[2027, 140]]) }),
      buildInput({ indicator: { seq: '2' } }),
    ]);
    expect(list.map((a) => a.seq)).toEqual(['1', '2']);
    expect(list[1]?.status).toBe('数据不足');
    expect(list[1]?.flags.map((f) => f.code)).toContain('no-plan-period-data');
  });

  it('flags stale data and data awaiting review', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2030,
        observations: [{ period: 2026, value: 120, scope: null, estimated: false, status: 'submitted' }],
      }),
    );
    expect(a.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['stale-data', 'unreviewed-data']));
  });
});
