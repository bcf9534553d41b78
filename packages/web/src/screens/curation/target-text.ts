import type { Indicator } from '@plantrack/api';
import { type DataLabels, dataLabel } from '../../records/data-labels.messages';

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '~': '≈' };

/** The contract leaves a target's parsed fields open (plan-model.schema.json has them): read them checked. */
const numberOr = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const textOr = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The parsed target in a compact form: `≥ 2000 家`, `3–5 %`, or the kind (in words) when it has no number. */
export function describeTarget(target: Indicator['target'], labels: DataLabels): string {
  const unit = textOr(target.unit) ?? '';
  const value = numberOr(target.value);
  if (value === null) return dataLabel(labels, target.kind);
  const opText = textOr(target.op);
  const op = opText === null ? '' : `${OPS[opText] ?? opText} `;
  const valueMax = numberOr(target.valueMax);
  const max = valueMax === null ? '' : `–${valueMax}`;
  return `${op}${value}${max} ${unit}`.trim();
}
