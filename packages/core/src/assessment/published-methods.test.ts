import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import type { AssessmentStatus, PathModel } from './assessment.types.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';
import {
  openSdgProgressValue,
  openSdgStatus,
  sdgTrendRatio,
  ugandaNdpRating,
  unProgressChartStatus,
  type PublishedCase,
} from './published-methods.js';

/** PlanTrack on the same two points (base year as baseline), with the given path model. */
function plantrack(c: PublishedCase, model: PathModel): { status: AssessmentStatus; ratio: number | null } {
  const a = assessIndicator(
    buildInput({
      plan: { baselineYear: c.baseYear, targetYear: c.targetYear },
      asOf: c.year,
      indicator: {
        unit: '%',
        direction: c.direction,
        target: buildTarget({ value: c.target }),
        baseline: { year: c.baseYear, value: c.baseValue, text: '', estimated: false },
      },
      options: { pathModel: model },
      observations: obs([[c.year, c.value]]),
    }),
  );
  return { status: a.status, ratio: a.progressRatio };
}

const sdg = (
  baseValue: number,
  value: number,
  target: number,
  direction: 'higher' | 'lower' = 'higher',
): PublishedCase => ({
  baseYear: 2015,
  baseValue,
  year: 2020,
  value,
  target,
  targetYear: 2030,
  direction,
});

/** The worked comparison of docs/methodology.md §9: [case, Open SDG, UN, PlanTrack linear, PlanTrack compound]. */
const TABLE: [string, PublishedCase, string, string, AssessmentStatus, AssessmentStatus][] = [
  ['E1 rising, on course', sdg(50, 60, 80), 'on-track', 'on-track', '符合预期', '快于预期'],
  [
    'E2 falling indicator, slightly slow',
    sdg(100, 90, 70, 'lower'),
    'moderate',
    'moderate',
    '符合预期',
    '基本符合',
  ],
  ['E3 target already met', sdg(50, 85, 80), 'target-achieved', 'target-achieved', '已实现', '已实现'],
  ['E4 moving away', sdg(50, 48, 80), 'deterioration', 'deterioration', '严重滞后', '严重滞后'],
  ['E5 marginally worse', sdg(50, 49.8, 80), 'deterioration', 'limited', '严重滞后', '严重滞后'],
  ['E6 zero start', sdg(0, 5, 20), 'on-track', 'not-computable', '滞后', '滞后'],
  ['E7 sign change', sdg(-2, 1, 5), 'not-computable', 'not-computable', '快于预期', '快于预期'],
];

describe('published methods on the documented examples, beside PlanTrack', () => {
  it.each(TABLE)('%s', (_name, c, open, un, linear, compound) => {
    expect(openSdgStatus(c)).toBe(open);
    expect(unProgressChartStatus(c)).toBe(un);
    expect(plantrack(c, 'linear').status).toBe(linear);
    expect(plantrack(c, 'compound').status).toBe(compound);
  });

  it('gives the documented ratios', () => {
    expect(sdgTrendRatio(sdg(50, 60, 80))).toBeCloseTo(1.167, 3);
    expect(sdgTrendRatio(sdg(100, 90, 70, 'lower'))).toBeCloseTo(0.887, 3);
    expect(openSdgProgressValue(sdg(100, 90, 70, 'lower'))).toBeCloseTo(0.887, 3);
    expect(openSdgProgressValue(sdg(0, 5, 20))).toBeCloseTo(4.8, 1);
    expect(plantrack(sdg(50, 60, 80), 'compound').ratio).toBeCloseTo(1.179, 3);
    expect(plantrack(sdg(100, 90, 70, 'lower'), 'compound').ratio).toBeCloseTo(0.892, 3);
  });

  it("Open SDG's own test example 3-3-3 (malaria incidence, target 0, lower is better)", () => {
    // tests/assets/progress-calculation in open-sdg/sdg-build: headline 2015 1.55 … 2019 1.82, target 0.
    const c: PublishedCase = {
      baseYear: 2015,
      baseValue: 1.55,
      year: 2019,
      value: 1.82,
      target: 0,
      targetYear: 2030,
      direction: 'lower',
    };
    expect(openSdgProgressValue(c)).toBeCloseTo(-0.106, 3);
    expect(openSdgStatus(c)).toBe('deterioration');
    expect(unProgressChartStatus(c)).toBe('limited'); // R = 0.041 ÷ (−1): a target of 0 makes the required CAGR −100%
    const a = assessIndicator(
      buildInput({
        plan: { baselineYear: 2015, targetYear: 2030 },
        asOf: 2019,
        indicator: {
          name: 'Malaria incidence',
          unit: 'per 1,000',
          direction: 'lower',
          target: buildTarget({ value: 0 }),
          baseline: { year: 2015, value: 1.55, text: '', estimated: false },
        },
        observations: obs([
          [2016, 1.69],
          [2017, 1.65],
          [2018, 1.62],
          [2019, 1.82],
        ]),
      }),
    );
    expect(a.progressRatio).toBeCloseTo(-0.653, 3);
    expect(a.status).toBe('严重滞后');
  });

  it("Open SDG's own test example 1-1-1 (no target; its default direction is 'negative')", () => {
    const c: PublishedCase = {
      baseYear: 2020,
      baseValue: 100,
      year: 2021,
      value: 120,
      target: null,
      targetYear: 2030,
      direction: 'lower',
    };
    expect(openSdgProgressValue(c)).toBeCloseTo(-0.2, 6);
    expect(openSdgStatus(c)).toBe('deterioration');
    // PlanTrack has no target-less mode; the nearest plan wording is a qualitative 持续下降, with the direction set explicitly.
    const a = assessIndicator(
      buildInput({
        plan: { baselineYear: 2020, targetYear: 2030 },
        asOf: 2021,
        indicator: {
          direction: 'lower',
          target: buildTarget({ text: '持续下降', kind: 'qualitative', op: null }),
          baseline: { year: 2020, value: 100, text: '', estimated: false },
        },
        observations: obs([[2021, 120]]),
      }),
    );
    expect(a.status).toBe('严重滞后');
  });

  it('E8: a growth-rate indicator — ratio-of-CAGR methods misread a slowdown', () => {
    // 年均增长6.5%以上 over 2016–2020; illustrative yearly rates.
    const c: PublishedCase = {
      baseYear: 2015,
      baseValue: 6.9,
      year: 2020,
      value: 2.3,
      target: 6.5,
      targetYear: 2020,
      direction: 'higher',
    };
    expect(sdgTrendRatio(c)).toBeCloseTo(16.6, 1);
    expect(unProgressChartStatus(c)).toBe('on-track');
    // Open SDG divides by |required CAGR|, so the same fall reads as deterioration, of magnitude −16.6.
    expect(openSdgProgressValue(c)).toBeCloseTo(-16.6, 1);
    expect(openSdgStatus(c)).toBe('deterioration');
    const a = assessIndicator(
      buildInput({
        plan: { baselineYear: 2015, targetYear: 2020 },
        asOf: 2020,
        indicator: {
          name: '国内生产总值增长',
          unit: '%',
          direction: null,
          target: buildTarget({ text: '年均增长6.5%以上', kind: 'rate', op: '>=', value: 6.5 }),
          baseline: null,
        },
        observations: obs([
          [2016, 6.8],
          [2017, 6.9],
          [2018, 6.7],
          [2019, 6.0],
          [2020, 2.3],
        ]),
      }),
    );
    // Target year observed: the outcome is known, so no forecast; c = P × 6.5%.
    expect(a.forecast).toBeNull();
    expect((a.progressRatio ?? 0) * 6.5).toBeCloseTo(5.725, 2);
    expect(a.progressRatio).toBeCloseTo(0.881, 3);
    expect(a.status).toBe('基本符合');
    expect(a.met).toBe(false);
  });

  it('E9: Uganda NDP III ignores time and baseline; PlanTrack does not', () => {
    expect(ugandaNdpRating(80, 100, false)).toBe('moderately-achieved');
    expect(ugandaNdpRating(80, 70, true)).toBe('moderately-achieved');
    const at = (year: number): AssessmentStatus =>
      assessIndicator(
        buildInput({
          plan: { baselineYear: 2020, targetYear: 2025 },
          asOf: year,
          indicator: {
            target: buildTarget({ value: 100 }),
            baseline: { year: 2020, value: 60, text: '', estimated: false },
          },
          observations: obs([[year, 80]]),
        }),
      ).status;
    expect(at(2022)).toBe('快于预期'); // expected 76, P = 1.25
    expect(at(2024)).toBe('滞后'); // expected 92, P = 0.625
  });
});
