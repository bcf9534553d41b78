import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';
import { qualitativeRuleOf } from './qualitative.method.js';

const q = (text: string) => ({
  name: '某项质量指数',
  direction: null,
  target: buildTarget({ text, kind: 'qualitative', op: null }),
  baseline: { year: 2025, value: 100, text: '', estimated: false },
});

describe('qualitative targets', () => {
  it('recognises the usual wordings', () => {
    expect(qualitativeRuleOf('稳中有升')).toBe('steady-rise');
    expect(qualitativeRuleOf('保持稳定')).toBe('stable');
    expect(qualitativeRuleOf('持续改善')).toBe('continuous-rise');
    expect(qualitativeRuleOf('只增不减')).toBe('no-fall');
    expect(qualitativeRuleOf('达到国内先进水平')).toBeNull();
  });

  it('applies 稳中有升 automatically where the data allow', () => {
    const s = (values: [number, number][]): string =>
      assessIndicator(buildInput({ indicator: q('稳中有升'), observations: obs(values) })).status;
    expect(
      s([
        [2026, 100.5],
        [2027, 101],
      ]),
    ).toBe('符合预期');
    expect(
      s([
        [2026, 105],
        [2027, 101],
      ]),
    ).toBe('基本符合'); // rose, but a fall of 3.8% in 2027
    expect(
      s([
        [2026, 100],
        [2027, 99.5],
      ]),
    ).toBe('滞后'); // steady, no rise
    expect(
      s([
        [2026, 95],
        [2027, 90],
      ]),
    ).toBe('严重滞后');
    const end = assessIndicator(
      buildInput({
        asOf: 2030,
        indicator: q('稳中有升'),
        observations: obs([
          [2028, 101],
          [2030, 102],
        ]),
      }),
    );
    expect(end.status).toBe('已实现');
  });

  it('uses the reviewer judgement when no rule applies, and flags disagreement when one does', () => {
    const judged = assessIndicator(
      buildInput({
        indicator: q('达到国内先进水平'),
        judgement: { status: '基本符合', reviewer: '规划科', period: 2027, note: null },
      }),
    );
    expect(judged.status).toBe('基本符合');
    expect(judged.method).toBe('reviewer-judgement');
    const disagree = assessIndicator(
      buildInput({
        indicator: q('稳中有升'),
        observations: obs([[2027, 90]]),
        judgement: { status: '符合预期', reviewer: '规划科', period: 2027, note: null },
      }),
    );
    expect(disagree.status).toBe('严重滞后');
    expect(disagree.flags.map((f) => f.code)).toContain('judgement-differs');
  });

  it('returns 数据不足 without rule data or judgement, and for unparsed targets says so', () => {
    const a = assessIndicator(
      buildInput({
        indicator: {
          ...q('（表格无法识别）'),
          target: buildTarget({ text: '（表格无法识别）', kind: 'qualitative', op: null, parsed: false }),
        },
      }),
    );
    expect(a.status).toBe('数据不足');
    expect(a.flags.map((f) => f.code)).toContain('unparsed-target');
  });
});
