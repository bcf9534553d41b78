import type { Indicator } from './curation.types';

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '~': '≈' };

/** The parsed target in a compact form: `≥ 2000 家`, `3–5 %`, or the kind when it has no number. */
export function describeTarget(target: Indicator['target']): string {
  const unit = target.unit ?? '';
  if (target.value === null || target.value === undefined) return target.kind;
  const op = target.op === null || target.op === undefined ? '' : `${OPS[target.op] ?? target.op} `;
  const max = target.valueMax === null || target.valueMax === undefined ? '' : `–${target.valueMax}`;
  return `${op}${target.value}${max} ${unit}`.trim();
}
