import { toHalfWidth } from '@plantrack/core';

/** Reading the text and number cells of an uploaded template, the same on every sheet. */

/** Text as compared: full-width folded, whitespace removed. */
export function normalizeText(text: string | null | undefined): string {
  return toHalfWidth(text ?? '').replace(/\s+/gu, '');
}

/** A number cell, or numeric text (`1,234.5`, full-width digits); `undefined` when not a number. */
export function parseNumber(cell: string | number | boolean | null): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = normalizeText(cell).replace(/,/gu, '');
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/u.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** 是否预计: `是`/`否` (also Y/N, yes/no, true/false, 1/0); null when empty; undefined when unclear. */
export function parseFlag(cell: string | number | boolean | null): boolean | null | undefined {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell;
  const t = normalizeText(String(cell)).toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '预计'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', '实际'].includes(t)) return false;
  return undefined;
}
