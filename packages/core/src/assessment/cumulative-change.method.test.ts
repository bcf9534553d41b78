import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';

describe('cumulative totals (11以上（累计）): 时间过半、任务过半', () => {
  const jobs = {
    name: '城镇新增就业人数',
    unit: '万人',
    direction: null,
    target: buildTarget({ text: '11以上（累计）', kind: 'cumulative', op: '>=', value: 11 }),
    baseline: null,
  };

  it('compares the running sum with the pro-rata share', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2028,
        indicator: jobs,
        observations: obs([
          [2026, 2.2],
          [2027, 2.3],
          [2028, 2.0],
        ]),
      }),
    );
    expect(a.method).toBe('cumulative-sum');
    expect(a.expected).toBeCloseTo(6.6); // 11 × 3/5
    expect(a.progressRatio).toBeCloseTo(6.5 / 6.6);
    expect(a.status).toBe('符合预期');
    expect(a.forecast?.value).toBeCloseTo((6.5 / 3) * 5);
    expect(a.required?.value).toBeCloseTo((11 - 6.5) / 2);
    expect(a.explanation.zh).toContain('应完成');
  });

  it('is achieved as soon as the sum reaches the total', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2029,
        indicator: jobs,
        observations: obs([
          [2026, 3],
          [2027, 3],
          [2028, 3],
          [2029, 3],
        ]),
      }),
    );
    expect(a.status).toBe('已实现');
  });

  it('leaves missing years out of both the sum and the share', () => {
    const a = assessIndicator(
      buildInput({
        asOf: 2028,
        indicator: jobs,
        observations: obs([
          [2026, 2.2],
          [2028, 2.2],
        ]),
      }),
    );
    expect(a.expected).toBeCloseTo(4.4);
    expect(a.flags.map((f) => f.code)).toContain('gap');
  });

  it('judges a ceiling total the other way round', () => {
    const land = {
      name: '新增建设用地',
      unit: '亩',
      direction: null,
      target: buildTarget({ text: '〔5000〕以内', kind: 'cumulative', op: '<=', value: 5000 }),
      baseline: null,
    };
    const under = assessIndicator(
      buildInput({
        indicator: land,
        observations: obs([
          [2026, 900],
          [2027, 1000],
        ]),
      }),
    );
    expect(under.status).toBe('符合预期'); // due 2000, used 1900 → P = 1.05
    const over = assessIndicator(
      buildInput({
        indicator: land,
        observations: obs([
          [2026, 3000],
          [2027, 2500],
        ]),
      }),
    );
    expect(over.status).toBe('严重滞后');
  });
});

describe('changes from the baseline', () => {
  it('compounds yearly reductions for 〔13.5〕-type cumulative reduction targets', () => {
    const energy = {
      name: '单位GDP能耗降低',
      unit: '%',
      direction: null,
      target: buildTarget({ text: '〔13.5〕', kind: 'cumulative', value: 13.5 }),
      baseline: null,
    };
    const a = assessIndicator(
      buildInput({
        indicator: energy,
        observations: obs([
          [2026, 3],
          [2027, 2.8],
        ]),
      }),
    );
    expect(a.method).toBe('cumulative-change');
    expect(a.direction.value).toBe('higher');
    const C = (1 - 0.97 * 0.972) * 100;
    const E = (1 - Math.pow(0.865, 2 / 5)) * 100;
    expect(a.progressRatio).toBeCloseTo(C / E);
    expect(a.required?.text.zh).toContain('还需年均降低');
  });

  it('converts 下降20% on a level into a target level from the baseline', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          name: '单位GDP用水量',
          unit: '立方米/万元',
          direction: null,
          target: buildTarget({ text: '下降20%', value: 20, unit: '%', change: 'decrease' }),
          baseline: { year: 2025, value: 50, text: '', estimated: false },
        },
        observations: obs([[2027, 45.6]]),
      }),
    );
    expect(a.method).toBe('level-change');
    expect(a.direction.value).toBe('lower');
    expect(a.targetValue).toBeCloseTo(40);
    // An intensity in money (立方米/万元) falls multiplicatively: compound path by default.
    expect(a.pathModel).toBe('compound');
    expect(a.expected).toBeCloseTo(50 * Math.pow(0.8, 2 / 5));
    expect(a.status).toBe('符合预期');
  });

  it('converts 提高1个百分点以上 into baseline + 1 point', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          name: '研发经费支出占比',
          unit: '%',
          direction: null,
          target: buildTarget({
            text: '提高1个百分点以上',
            op: '>=',
            value: 1,
            unit: '个百分点',
            change: 'increase',
          }),
          baseline: { year: 2025, value: 3.5, text: '', estimated: false },
        },
        observations: obs([[2030, 4.6]]),
        asOf: 2030,
      }),
    );
    expect(a.targetValue).toBeCloseTo(4.5);
    expect(a.status).toBe('已实现');
  });

  it('needs the baseline for a change target', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          target: buildTarget({ text: '下降20%', value: 20, unit: '%', change: 'decrease' }),
          baseline: null,
        },
        observations: obs([[2027, 46]]),
      }),
    );
    expect(a.status).toBe('数据不足');
    expect(a.explanation.zh).toContain('基期');
  });

  it('reads a 下降 indicator reported as death counts as a level change', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          name: '生产安全事故死亡人数下降',
          unit: '%',
          direction: null,
          target: buildTarget({ text: '10（累计）', kind: 'cumulative', value: 10 }),
          baseline: { year: 2025, value: 50, text: '', estimated: false },
        },
        options: { measure: 'level' },
        observations: obs([[2027, 47]]),
      }),
    );
    expect(a.method).toBe('level-change');
    expect(a.direction.value).toBe('lower');
    expect(a.targetValue).toBeCloseTo(45);
  });
});
