import { describe, expect, it } from 'vitest';
import { checkProjectCode } from './project-code.js';

const GOOD = '2024-320412-48-01-123456'; // 24 characters, synthetic

describe('项目代码 check', () => {
  it('accepts a 24-character code (whitespace around it ignored)', () => {
    expect(GOOD).toHaveLength(24);
    expect(checkProjectCode(GOOD)).toEqual([]);
    expect(checkProjectCode(` ${GOOD}\t`)).toEqual([]);
  });

  it('names the position and the character that is wrong', () => {
    const code = `${GOOD.slice(0, 7)}O${GOOD.slice(8)}`.replace('O', '０');
    const [problem, ...rest] = checkProjectCode(code);
    expect(rest).toEqual([]);
    expect(problem?.position).toBe(8);
    expect(problem?.character).toBe('０');
    expect(problem?.message.zh).toBe(
      '项目代码第8位“０”不是有效字符（全角字符，应为半角“0”）（只能是数字、大写字母或“-”）',
    );
    expect(problem?.message.en).toMatch(
      /^Project code position 8: "０" is not allowed \(full-width; use "0"\)/,
    );
  });

  it('points out lower case and Chinese characters', () => {
    const problems = checkProjectCode(`a${GOOD.slice(1, 23)}号`);
    expect(problems.map((p) => [p.position, p.character])).toEqual([
      [1, 'a'],
      [24, '号'],
    ]);
    expect(problems[0]?.message.zh).toContain('应为大写“A”');
  });

  it('refuses a wrong length, saying both lengths', () => {
    const [problem] = checkProjectCode(GOOD.slice(0, 23));
    expect(problem?.position).toBeNull();
    expect(problem?.message.zh).toBe(`项目代码应为24位，实为23位：${GOOD.slice(0, 23)}`);
    expect(checkProjectCode(`${GOOD}7`)[0]?.message.en).toMatch(/has 24 characters; this one has 25/);
  });
});
