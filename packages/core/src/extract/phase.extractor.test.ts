import { describe, expect, it } from 'vitest';
import { extractPhases } from './phase.extractor.js';
import { inlineUnits } from './fixtures/inline-units.fixture.js';

/** The `三步走` of the sample plan's footnote on the “1234567” strategy (abridged). */
const STEPS =
  '“1234567”战略：“1”即明确“一个定位”：科创智造高地、生态花园水城。“3”即分“三步走”：2026年为改革突破年，重点是理顺机制、夯实基础；2027—2028年为攻坚奋进年，重点是补链强链、能级提升；2029—2030年为巩固跃升年，重点是系统协同、全面赋能。“4”即强化“四城联动”。';

describe('extractPhases', () => {
  it('finds the three named year ranges of the sample plan', () => {
    const phases = extractPhases(inlineUnits([{ text: STEPS, leadPhrase: null, nodeId: 'fn-2' }]));
    expect(
      phases.map(({ name, startYear, endYear, focus }) => ({ name, startYear, endYear, focus })),
    ).toEqual([
      { name: '改革突破年', startYear: 2026, endYear: 2026, focus: '理顺机制、夯实基础' },
      { name: '攻坚奋进年', startYear: 2027, endYear: 2028, focus: '补链强链、能级提升' },
      { name: '巩固跃升年', startYear: 2029, endYear: 2030, focus: '系统协同、全面赋能' },
    ]);
    const first = phases[0];
    expect(first && STEPS.slice(first.source.start, first.source.end)).toBe(
      '2026年为改革突破年，重点是理顺机制、夯实基础',
    );
  });

  it('reads 第一阶段（2026—2027年） style phases with full-width and ASCII marks', () => {
    const units = inlineUnits([
      '规划实施分两个阶段推进。第一阶段（2026—2027年）：夯实基础、补齐短板；推进第二阶段（2028-2030年），全面提升发展能级。',
      '第三阶段(2031年)为巩固提升。',
    ]);
    const phases = extractPhases(units);
    expect(phases.map((p) => [p.name, p.startYear, p.endYear, p.focus])).toEqual([
      ['第一阶段', 2026, 2027, '夯实基础、补齐短板'],
      ['第二阶段', 2028, 2030, '全面提升发展能级'],
      ['第三阶段', 2031, 2031, '巩固提升'],
    ]);
  });

  it('ignores year ranges that are not named phases and keeps duplicates once', () => {
    const units = inlineUnits([
      '理想汽车2022-2024年产值年均增速达78.3%。到2030年，全区常住人口规模达138万人左右。',
      '2026年为改革突破年。',
      '2026年为改革突破年，重点是理顺机制。',
    ]);
    expect(extractPhases(units).map((p) => [p.name, p.focus])).toEqual([['改革突破年', null]]);
  });
});
