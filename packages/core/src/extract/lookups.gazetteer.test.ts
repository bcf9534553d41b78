import { describe, expect, it } from 'vitest';
import { endingTable, findEnding, isAreaChar, isHan, stripPrefixWords } from './lookups.gazetteer.js';

describe('gazetteer lookups', () => {
  it('finds the longest ending that closes at a position, then a one-character ending', () => {
    const table = endingTable(['园', '乐园', '动物园', '产业园']);
    expect(findEnding('淹城动物园', 4, table)).toBe('动物园');
    expect(findEnding('嬉戏谷乐园', 4, table)).toBe('乐园');
    expect(findEnding('花园', 1, table)).toBe('园');
    expect(findEnding('园', 0, table)).toBe('园');
    expect(findEnding('高新区', 2, endingTable(['开发区', '高新区']))).toBe('高新区');
    expect(findEnding('新区', 1, endingTable(['开发区', '高新区']))).toBeUndefined();
  });

  it('strips leading verbs repeatedly, one-character words only before two characters', () => {
    expect(stripPrefixWords('进一步理顺湖塘镇', 0, 7)).toBe(5);
    expect(stripPrefixWords('以及如皋镇', 0, 4)).toBe(2);
    expect(stripPrefixWords('以湖塘镇', 0, 3)).toBe(1);
    expect(stripPrefixWords('如皋镇', 0, 2)).toBe(0);
  });

  it('classifies characters by code unit', () => {
    const codes = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));
    expect(codes('湖塘').every(isHan)).toBe(true);
    expect(codes('5（').some(isHan)).toBe(false);
    expect(codes('江苏（武进）AI+5G()').every(isAreaChar)).toBe(true);
    expect(codes('，、“').some(isAreaChar)).toBe(false);
  });
});
