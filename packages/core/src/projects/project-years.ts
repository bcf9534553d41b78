import type { BilingualMessage } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';

export type YearRange = { startYear: number; endYear: number };

export type YearRangeParse = { ok: true; range: YearRange | null } | { ok: false; message: BilingualMessage };

const PLAUSIBLE = (y: number): boolean => y >= 1950 && y <= 2100;

/**
 * 建设起止年限: `2024-2027`, `2024—2027年`, `2024年-2027年`, `2024至2027`, `2024~2027`, or one year
 * (`2025年`, `2025`) for a project built within a year. Empty → null.
 */
export function parseYearRange(value: string | number | null): YearRangeParse {
  if (value === null) return { ok: true, range: null };
  const raw = String(value);
  const text = toHalfWidth(raw).replace(/\s/g, '').replace(/年/g, '');
  if (text === '') return { ok: true, range: null };
  const m = /^(\d{4})(?:(?:-|—|–|―|~|～|至|到)(\d{4}))?$/.exec(text);
  if (m === null) return bad(raw, '格式应为“2024-2027”或“2025年”', 'expected "2024-2027" or "2025"');
  const startYear = Number(m[1]);
  const endYear = m[2] === undefined ? startYear : Number(m[2]);
  if (!PLAUSIBLE(startYear) || !PLAUSIBLE(endYear)) return bad(raw, '年份超出范围', 'year out of range');
  if (endYear < startYear) return bad(raw, '完工年早于开工年', 'the end year is before the start year');
  return { ok: true, range: { startYear, endYear } };
}

function bad(value: string, zh: string, en: string): YearRangeParse {
  return {
    ok: false,
    message: {
      zh: `建设起止年限无法识别：“${value}”（${zh}）`,
      en: `Construction years not understood: "${value}" (${en})`,
    },
  };
}
