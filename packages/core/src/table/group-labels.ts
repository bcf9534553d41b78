import { MappedText } from '../text/mapped-text.js';

/** A group label of a flattened table: its pieces, the numbered row it was first seen at, its item count. */
export type GroupLabel = { parts: MappedText[]; firstRow: number; count: number | null };

/**
 * Decides which row each group label starts at, and returns per row the label that starts there
 * (null elsewhere; the assembler carries a group down). When every label gives its item count
 * (`（7项）`) and the counts add up to the numbered rows, the counts decide — a label centred in its
 * merged cell can sit halfway down its group. Otherwise a label starts at the row it was seen at.
 */
export function assignGroups(labels: GroupLabel[], numbered: boolean[]): (MappedText | null)[] {
  const out: (MappedText | null)[] = numbered.map(() => null);
  const rowOf: number[] = [];
  numbered.forEach((isNumbered, k) => {
    if (isNumbered) rowOf.push(k);
  });
  const total = rowOf.length;
  const counted =
    labels.length > 0 &&
    labels.every((l) => l.count !== null) &&
    labels.reduce((sum, l) => sum + (l.count ?? 0), 0) === total;
  let next = 0;
  for (const label of labels) {
    const first = counted ? next : Math.max(0, label.firstRow);
    next = first + (label.count ?? 0);
    const row = rowOf[first];
    if (row !== undefined) out[row] = MappedText.concat(label.parts);
  }
  return out;
}
