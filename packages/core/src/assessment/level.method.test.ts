import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';

const codes = (a: { flags: { code: string }[] }): string[] => a.flags.map((f) => f.code);

describe('level targets', () => {
  it('grades a plain value on a linear path (218 as a floor for higher-is-better)', () => {
    // B = 100 (2025), T = 200 (2030): 2027 should be 140; 140 → P = 1 → 符合预期.
    const a = assessIndicator(
      buildInput({
        observations: obs([
          [2026, 118],
          [2027, 140],
        ]),
      }),
    );
    expect(a.method).toBe('level-path');
    expect(a.pathModel).toBe('linear');
    expect(a.expected).toBeCloseTo(140);
    expect(a.progressRatio).toBeCloseTo(1);
    expect(a.status).toBe('符合预期');
    expect(a.required?.kind).toBe('annual-amount');
    expect(a.required?.value).toBeCloseTo(20);
  });

  it('uses a compound path by default for money and states the required growth rate', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          unit: '亿元',
          target: buildTarget({ value: 218 }),
          baseline: { year: 2025, value: 160, text: '160', estimated: false },
        },
        observations: obs([[2027, 180]]),
      }),
    );
    expect(a.pathModel).toBe('compound');
    expect(a.pathModelSource).toBe('default');
    const E = 160 * Math.pow(218 / 160, 2 / 5);
    expect(a.expected).toBeCloseTo(E);
    expect(a.progressRatio).toBeCloseTo((180 - 160) / (E - 160));
    // (target ÷ current)^(1/years) − 1, as in Chinese practice.
    expect(a.required?.value).toBeCloseTo((Math.pow(218 / 180, 1 / 3) - 1) * 100);
    expect(a.required?.text.zh).toContain('还需年均增长');
  });

  it('lets the office override the path model', () => {
    const a = assessIndicator(
      buildInput({
        indicator: { unit: '亿元' },
        options: { pathModel: 'linear' },
        observations: obs([[2027, 140]]),
      }),
    );
    expect(a.pathModel).toBe('linear');
    expect(a.pathModelSource).toBe('override');
  });

  it('honours 以上: anything above the target is achieved', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          target: buildTarget({ text: '4以上', op: '>=', value: 4 }),
          baseline: { year: 2025, value: 3.2, text: '', estimated: false },
        },
        observations: obs([[2027, 4.6]]),
      }),
    );
    expect(a.status).toBe('已实现');
    expect(a.met).toBe(true);
    expect(a.required).toBeNull();
  });

  it('grades each band of the scale', () => {
    const status = (v: number): string =>
      assessIndicator(buildInput({ observations: obs([[2027, v]]) })).status;
    // expected 140, P = (v − 100)/40
    expect(status(146)).toBe('快于预期'); // 1.15
    expect(status(138.5)).toBe('符合预期'); // 0.9625
    expect(status(133)).toBe('基本符合'); // 0.825
    expect(status(121)).toBe('滞后'); // 0.525
    expect(status(110)).toBe('严重滞后'); // 0.25
    expect(status(95)).toBe('严重滞后'); // moving away
    expect(status(200)).toBe('已实现');
  });

  it('handles a ceiling where lower is better (≤2300)', () => {
    const input = buildInput({
      indicator: {
        name: '能源消费总量',
        direction: null,
        target: buildTarget({ text: '≤2300', op: '<=', value: 2300 }),
        baseline: { year: 2025, value: 2500, text: '', estimated: false },
      },
      observations: obs([[2027, 2420]]),
    });
    const a = assessIndicator(input);
    expect(a.direction.value).toBe('lower');
    expect(a.direction.source).toBe('inferred');
    expect(a.expected).toBeCloseTo(2420);
    expect(a.status).toBe('符合预期');
    expect(assessIndicator({ ...input, observations: obs([[2027, 2290]]) }).status).toBe('已实现');
  });

  it('applies the 左右 tolerance band, the office may set it, and overshoot on the better side counts as met', () => {
    const base = {
      target: buildTarget({ text: '26.5左右', op: '~', value: 26.5 }),
      baseline: { year: 2025, value: 24, text: '', estimated: false },
    };
    const within = assessIndicator(buildInput({ indicator: base, observations: obs([[2027, 26.1]]) }));
    expect(within.status).toBe('已实现'); // band ±0.53
    expect(within.rangePosition).toBe('inside');
    const narrow = assessIndicator(
      buildInput({
        indicator: base,
        options: { tolerance: { absolute: 0.2 } },
        observations: obs([[2027, 26.1]]),
      }),
    );
    expect(narrow.status).not.toBe('已实现');
    const over = assessIndicator(buildInput({ indicator: base, observations: obs([[2027, 29]]) }));
    expect(over.status).toBe('已实现');
    expect(codes(over)).toContain('overshoot');
    const noDir = assessIndicator(
      buildInput({
        indicator: { ...base, name: '常住人口', direction: null },
        observations: obs([[2027, 29]]),
      }),
    );
    expect(noDir.met).toBe(false);
    expect(noDir.status).toBe('基本符合');
  });

  it('keeps a target met at baseline as 已实现 while it holds and 滞后 when lost', () => {
    const ind = {
      target: buildTarget({ value: 2000 }),
      baseline: { year: 2025, value: 2285, text: '', estimated: false },
    };
    expect(assessIndicator(buildInput({ indicator: ind, observations: obs([[2026, 2300]]) })).status).toBe(
      '已实现',
    );
    const lost = assessIndicator(buildInput({ indicator: ind, observations: obs([[2026, 1900]]) }));
    expect(lost.status).toBe('滞后');
    expect(codes(lost)).toContain('met-at-baseline-lost');
  });

  it('falls back to a linear path for zero or negative values and says so', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          unit: '亿元',
          baseline: { year: 2025, value: 0, text: '', estimated: false },
          target: buildTarget({ value: 10 }),
        },
        observations: obs([[2027, 4]]),
      }),
    );
    expect(a.pathModel).toBe('linear');
    expect(codes(a)).toContain('compound-fallback-linear');
    expect(a.progressRatio).toBeCloseTo(1);
  });

  it('handles a sign change (a deficit turning into a surplus)', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          unit: '亿元',
          baseline: { year: 2025, value: -5, text: '', estimated: false },
          target: buildTarget({ value: 5 }),
        },
        observations: obs([
          [2026, -2],
          [2027, 1],
        ]),
      }),
    );
    expect(a.status).toBe('快于预期'); // expected −1, P = 6/4
    expect(a.forecast?.model).toBe('linear-trend');
    expect(Number.isFinite(a.forecast?.value)).toBe(true);
  });

  it('judges a single data point without a forecast when there is no baseline', () => {
    const a = assessIndicator(
      buildInput({ indicator: { baseline: null }, observations: obs([[2027, 150]]) }),
    );
    expect(a.status).toBe('数据不足');
    expect(a.forecast).toBeNull();
    expect(codes(a)).toContain('single-point');
    const met = assessIndicator(
      buildInput({ indicator: { baseline: null }, observations: obs([[2027, 210]]) }),
    );
    expect(met.status).toBe('已实现');
    expect(codes(met)).toContain('no-baseline');
  });

  it('forecasts from the observed trend and works across gaps', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2029,
        observations: obs([
          [2026, 110],
          [2028, 130],
          [2029, 135],
        ]),
      }),
    );
    expect(codes(a)).toContain('gap');
    expect(a.dataYear).toBe(2029);
    expect(a.forecast?.pointsUsed).toBe(4);
    expect(a.forecast?.meetsTarget).toBe(false);
  });

  it('prefers a final figure to an estimate of the same year, and flags estimates', () => {
    const a = assessIndicator(
      buildInput({
        observations: [
          { period: 2027, value: 150, scope: null, estimated: true },
          { period: 2027, value: 138, scope: null, estimated: false },
        ],
      }),
    );
    expect(a.latest?.value).toBe(138);
    expect(a.inputs.setAside.map((s) => s.reason)).toEqual(['superseded']);
    const est = assessIndicator(
      buildInput({ observations: [{ period: 2027, value: 150, scope: null, estimated: true }] }),
    );
    expect(codes(est)).toContain('estimated-data');
    expect(est.explanation.zh).toContain('预计');
  });

  it('sets observations in another scope aside and flags them, never mixing', () => {
    const a = assessIndicator(
      buildInput({
        indicator: { scope: '不含常州经开区' },
        options: { scopeAliases: { 不含经开区: '不含常州经开区' } },
        observations: [
          { period: 2026, value: 120, scope: '不含经开区', estimated: false },
          { period: 2027, value: 300, scope: '含常州经开区', estimated: false },
          { period: 2027, value: 310, scope: null, estimated: true },
        ],
      }),
    );
    expect(a.latest?.value).toBe(120);
    expect(codes(a)).toEqual(expect.arrayContaining(['scope-mismatch', 'scope-unstated']));
    expect(a.explanation.zh).toContain('未混用');
  });

  it('uses a revised (final) baseline and shows the recorded one', () => {
    const a = assessIndicator(
      buildInput({
        indicator: { baseline: { year: 2025, value: 100, text: '100', estimated: true } },
        observations: obs([
          [2025, 104],
          [2027, 140],
        ]),
      }),
    );
    expect(a.baseline?.origin).toBe('revised');
    expect(a.baseline?.value).toBe(104);
    expect(a.baseline?.recordedValue).toBe(100);
    expect(codes(a)).toContain('baseline-revised');
    const kept = assessIndicator(
      buildInput({
        indicator: { baseline: { year: 2025, value: 100, text: '', estimated: true } },
        options: { useRevisedBaseline: false },
        observations: obs([
          [2025, 104],
          [2027, 140],
        ]),
      }),
    );
    expect(kept.baseline?.value).toBe(100);
  });

  it('refuses to guess an unknown direction', () => {
    const a = assessIndicator(
      buildInput({
        indicator: { name: '某指标', direction: null, baseline: null },
        observations: obs([[2027, 150]]),
      }),
    );
    expect(a.direction.source).toBe('unknown');
    expect(a.status).toBe('数据不足');
    expect(a.explanation.zh).toContain('方向未明确');
  });

  it('ignores observations after the assessment year and returned rows', () => {
    const a = assessIndicator(
      buildInput({
        observations: [
          { period: 2027, value: 140, scope: null, estimated: false },
          { period: 2027, value: 199, scope: null, estimated: false, status: 'returned' },
          { period: 2028, value: 190, scope: null, estimated: false },
        ],
      }),
    );
    expect(a.latest?.value).toBe(140);
    expect(a.inputs.setAside.map((s) => s.reason).sort()).toEqual(['after-as-of', 'returned']);
  });
});
