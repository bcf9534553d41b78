import { describe, expect, it } from 'vitest';
import { fiveYearPlanEndYear, fiveYearPlanLabel, scanDeadlines } from './deadline.scanner.js';

const years = (text: string): Array<[string, number, string]> =>
  scanDeadlines(text).map((d) => [text.slice(d.start, d.end), d.year, d.kind]);

describe('scanDeadlines', () => {
  it('reads the ways a plan dates a promise', () => {
    expect(years('到2030年，实现全覆盖')).toEqual([['到2030年', 2030, 'by']]);
    expect(years('2027年底前完成全部任务')).toEqual([['2027年底前', 2027, 'before']]);
    expect(years('确保 2030 年前达到峰值')).toEqual([['2030 年前', 2030, 'before']]);
    expect(years('2026年全面启动全域延包')).toEqual([['2026年', 2026, 'year']]);
    expect(years('到二〇三五年基本实现')).toEqual([['到二〇三五年', 2035, 'by']]);
    expect(years('到“十五五”末，收入分配机制更完善')).toEqual([['到“十五五”末', 2030, 'by']]);
    expect(years('“十五五”期间新增5家')).toEqual([['“十五五”期间', 2030, 'period']]);
    expect(years('“十四五”期间，人口年均减少')).toEqual([['“十四五”期间', 2025, 'period']]);
    expect(years('理想汽车2022-2024年产值')).toEqual([['2022-2024年', 2024, 'range']]);
  });

  it('skips baselines, starting points, status dates and phase definitions', () => {
    for (const text of [
      '较2020年增长30.9%',
      '比2020年翻一番',
      '与2025年相比',
      '2020年以来',
      '自2026年起',
      '截至2025年底',
      '2026年为改革突破年',
      '2027—2028年为攻坚奋进年',
      '较“十四五”末期年均水平',
      '二〇二六年四月',
      '12026年',
    ]) {
      expect(years(text)).toEqual([]);
    }
  });
});

describe('five-year plan labels', () => {
  it('maps plan ordinals to their last year and back', () => {
    expect(fiveYearPlanEndYear(15)).toBe(2030);
    expect(fiveYearPlanEndYear(14)).toBe(2025);
    expect(fiveYearPlanLabel(2030)).toBe('十五五');
    expect(fiveYearPlanLabel(2025)).toBe('十四五');
    expect(fiveYearPlanLabel(2031)).toBeNull();
  });
});
