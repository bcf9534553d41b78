import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';
import { expectedPathOf, holdDirection } from './level-path.js';

/** 一般公共预算收入: baseline 225 亿元 already above the 218 target, higher is better (illustrative). */
const revenue = buildInput({
  indicator: {
    name: '一般公共预算收入',
    unit: '亿元',
    direction: 'higher',
    target: buildTarget({ value: 218 }),
    baseline: { year: 2025, value: 225, text: '225', estimated: false },
  },
  observations: obs([[2026, 230]]),
});

describe('the expected path never moves against the direction', () => {
  it('holds the baseline level when the baseline already meets the target (225 → 218 stays 225)', () => {
    const a = assessIndicator(revenue);
    const path = expectedPathOf(a, 2030);
    expect(path).toHaveLength(6);
    expect(path[0]).toEqual([2025, 225]);
    for (const [, v] of path) expect(v).toBe(225);
    expect(a.expected).toBe(225);
    expect(a.yearly[0]?.required).toBe(225);
    expect(a.status).toBe('已实现');
  });

  it('holds for a lower-is-better indicator already under its ceiling', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          name: '细颗粒物年均浓度',
          unit: '微克/立方米',
          direction: 'lower',
          target: buildTarget({ value: 30 }),
          baseline: { year: 2025, value: 26, text: '26', estimated: false },
        },
        observations: obs([[2026, 27]]),
      }),
    );
    expect(expectedPathOf(a, 2030).map(([, v]) => v)).toEqual([26, 26, 26, 26, 26, 26]);
  });

  it('leaves a path that moves with the direction unchanged', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          unit: '亿元',
          direction: 'higher',
          target: buildTarget({ value: 218 }),
          baseline: { year: 2025, value: 160, text: '160', estimated: false },
        },
        observations: obs([[2027, 180]]),
      }),
    );
    const path = expectedPathOf(a, 2030);
    expect(path.at(-1)).toEqual([2030, 218]);
    expect(path[2]?.[1]).toBeCloseTo(160 * Math.pow(218 / 160, 2 / 5), 3);
    // Strictly rising, year after year.
    for (let i = 1; i < path.length; i++) expect(path[i]?.[1]).toBeGreaterThan(path[i - 1]?.[1] ?? Infinity);
  });

  it('holdDirection clamps only on the worse side and not at all without a direction', () => {
    expect(holdDirection(218, 225, 'higher')).toBe(225);
    expect(holdDirection(230, 225, 'higher')).toBe(230);
    expect(holdDirection(30, 26, 'lower')).toBe(26);
    expect(holdDirection(20, 26, 'lower')).toBe(20);
    expect(holdDirection(218, 225, null)).toBe(218);
  });

  it('is empty for targets that have no level path', () => {
    const a = assessIndicator(
      buildInput({ indicator: { target: buildTarget({ kind: 'qualitative', value: null }) } }),
    );
    expect(expectedPathOf(a, 2030)).toEqual([]);
  });
});
