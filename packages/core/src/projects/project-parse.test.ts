import { describe, expect, it } from 'vitest';
import { parseMoneyWan, unitInText } from './project-money.js';
import { parseYearRange } from './project-years.js';

describe('money in 万元', () => {
  it('reads the unit of a header', () => {
    expect(unitInText('总投资（亿元）')).toBe('亿元');
    expect(unitInText('年度计划投资(万元)')).toBe('万元');
    expect(unitInText('总投资（元）')).toBe('元');
    expect(unitInText('总投资')).toBeNull();
  });

  it('converts numbers by the column unit, 万元 by default', () => {
    expect(parseMoneyWan(1.25, '亿元')).toEqual({ ok: true, wan: 12500 });
    expect(parseMoneyWan(3500, '万元')).toEqual({ ok: true, wan: 3500 });
    expect(parseMoneyWan(123456, '元')).toEqual({ ok: true, wan: 12.3456 });
    expect(parseMoneyWan(800, null)).toEqual({ ok: true, wan: 800 });
  });

  it('lets a unit in the cell win over the column', () => {
    expect(parseMoneyWan('1.2亿元', '万元')).toEqual({ ok: true, wan: 12000 });
    expect(parseMoneyWan('3,500万', '亿元')).toEqual({ ok: true, wan: 3500 });
    expect(parseMoneyWan('５０００', '万元')).toEqual({ ok: true, wan: 5000 });
    expect(parseMoneyWan('0.3', '亿元')).toEqual({ ok: true, wan: 3000 });
  });

  it('treats an empty cell as no value and refuses text and negatives', () => {
    expect(parseMoneyWan(null, '万元')).toEqual({ ok: true, wan: null });
    expect(parseMoneyWan(' ', '万元')).toEqual({ ok: true, wan: null });
    const bad = parseMoneyWan('约两亿', '万元');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message.zh).toBe('金额无法识别：“约两亿”（应为非负数，可带单位元、万元或亿元）');
    expect(parseMoneyWan(-5, '万元').ok).toBe(false);
    expect(parseMoneyWan('-5', '万元').ok).toBe(false);
  });
});

describe('建设起止年限', () => {
  it.each([
    ['2024-2027', 2024, 2027],
    ['2024—2027年', 2024, 2027],
    ['2024年-2027年', 2024, 2027],
    ['2024至2027年', 2024, 2027],
    ['2024～2027', 2024, 2027],
    ['2025年', 2025, 2025],
    ['２０２５', 2025, 2025],
  ])('%s', (text, startYear, endYear) => {
    expect(parseYearRange(text)).toEqual({ ok: true, range: { startYear, endYear } });
  });

  it('reads a number cell as one year and an empty one as none', () => {
    expect(parseYearRange(2026)).toEqual({ ok: true, range: { startYear: 2026, endYear: 2026 } });
    expect(parseYearRange('')).toEqual({ ok: true, range: null });
  });

  it('refuses reversed, implausible and unreadable ranges, saying why', () => {
    const reversed = parseYearRange('2027-2024');
    expect(reversed.ok || reversed.message.zh).toBe('建设起止年限无法识别：“2027-2024”（完工年早于开工年）');
    expect(parseYearRange('3024-3027').ok).toBe(false);
    const prose = parseYearRange('三年');
    expect(prose.ok || prose.message.en).toBe(
      'Construction years not understood: "三年" (expected "2024-2027" or "2025")',
    );
  });
});
