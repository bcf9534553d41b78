import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from './chinese-numeral.js';
import { readNumberAt } from './number.reader.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['一百二十', 120],
    ['两', 2],
    ['〇', 0],
    ['零', 0],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千零十', 1010],
    ['一万二千', 12_000],
    ['三千万', 30_000_000],
    ['一亿二千万', 120_000_000],
    ['一万亿', 1_000_000_000_000],
    ['百', 100],
    ['二〇三五', 2035],
    ['二〇二六', 2026],
    ['三点五', 3.5],
    ['十二点零五', 12.05],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '十五五', '十四五', '十百千', '万', '亿', '五十五五', 'abc', '点五', '三点'])(
    'rejects %j, which is not one well-formed numeral',
    (text) => {
      expect(parseChineseNumeral(text)).toBeNull();
    },
  );
});

describe('readNumberAt', () => {
  it('reads Arabic numbers with decimals and thousands separators', () => {
    expect(readNumberAt('138万人', 0)).toEqual({ start: 0, end: 3, value: 138, arabic: true });
    expect(readNumberAt('达1,200.5元', 1)).toEqual({ start: 1, end: 8, value: 1200.5, arabic: true });
  });

  it('leaves a trailing magnitude to the unit', () => {
    expect(readNumberAt('十万人', 0)).toMatchObject({ end: 1, value: 10, arabic: false });
    expect(readNumberAt('三千万元', 0)).toMatchObject({ end: 2, value: 3000 });
    expect(readNumberAt('两万户', 0)).toMatchObject({ end: 1, value: 2 });
  });

  it('keeps an inner magnitude as part of the value', () => {
    expect(readNumberAt('一万二千人', 0)).toMatchObject({ end: 4, value: 12_000 });
    expect(readNumberAt('一亿二千万', 0)).toMatchObject({ end: 5, value: 120_000_000 });
  });

  it('returns null where no number starts or the numeral is a name', () => {
    expect(readNumberAt('abc', 0)).toBeNull();
    expect(readNumberAt('5G', 1)).toBeNull();
    expect(readNumberAt('“十五五”', 1)).toBeNull();
  });
});
