import type { BilingualMessage } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';

export type MoneyUnit = '元' | '万元' | '亿元';

const PER_WAN: Readonly<Record<MoneyUnit, number>> = { 元: 0.0001, 万元: 1, 亿元: 10000 };

export type MoneyParse = { ok: true; wan: number | null } | { ok: false; message: BilingualMessage };

/** The unit a header names, e.g. `总投资（亿元）` → 亿元; null when it names none. */
export function unitInText(text: string): MoneyUnit | null {
  const t = toHalfWidth(text);
  if (/亿元|亿/.test(t)) return '亿元';
  if (/万元|万/.test(t)) return '万元';
  if (/(^|[^万亿])元/.test(t)) return '元';
  return null;
}

/** Rounds to 0.000001 万元 (0.01 元) so unit conversion leaves no float noise. */
function round(wan: number): number {
  return Math.round(wan * 1e6) / 1e6;
}

/**
 * A money cell in 万元. A unit written in the cell (`1.2亿元`, `3500万`, `120000元`) wins over the
 * column's unit (from its header); with neither, the value is taken as 万元, the ledgers' unit.
 * Empty → null. Thousands separators and full-width digits are accepted; negatives are refused.
 */
export function parseMoneyWan(value: string | number | null, columnUnit: MoneyUnit | null): MoneyParse {
  if (value === null) return { ok: true, wan: null };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return bad(String(value));
    return { ok: true, wan: round(value * PER_WAN[columnUnit ?? '万元']) };
  }
  const text = toHalfWidth(value).replace(/[\s,，]/g, '');
  if (text === '' || text === '-' || text === '—') return { ok: true, wan: null };
  const m = /^(\d+(?:\.\d+)?)(亿元|亿|万元|万|元)?$/.exec(text);
  if (m === null) return bad(value);
  const unit: MoneyUnit = m[2] === undefined ? (columnUnit ?? '万元') : (unitInText(m[2]) ?? '万元');
  return { ok: true, wan: round(Number(m[1]) * PER_WAN[unit]) };
}

function bad(value: string): MoneyParse {
  return {
    ok: false,
    message: {
      zh: `金额无法识别：“${value}”（应为非负数，可带单位元、万元或亿元）`,
      en: `Not an amount: "${value}" (a non-negative number, optionally with 元, 万元 or 亿元)`,
    },
  };
}
