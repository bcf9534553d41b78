import { MappedText } from '../text/mapped-text.js';

/**
 * A group label of a flattened table: its pieces, the numbered row it was first seen at, where its
 * pieces sit (a row index, or a half between two rows), and its item count.
 */
export type GroupLabel = { parts: MappedText[]; firstRow: number; count: number | null; span: number[] };

/**
 * Decides which row each group label starts at, and returns per row the label that starts there
 * (null elsewhere; the assembler carries a group down). When every label gives its item count
 * (`（7项）`) and the counts add up to the numbered rows, the counts decide. In a group column
 * (a merged cell) whose first label comes after rows already read, labels are centred in their
 * cells: each group ends as far below its label as it starts above it. Otherwise a label starts at
 * the row it was seen at.
 */
export function assignGroups(
  labels: GroupLabel[],
  numbered: boolean[],
  groupColumn: boolean,
): (MappedText | null)[] {
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
  const centred = !counted && groupColumn && (labels[0]?.firstRow ?? 0) > 0;
  let next = 0;
  labels.forEach((label, k) => {
    const first = counted || centred ? next : Math.max(0, label.firstRow);
    if (counted) next = first + (label.count ?? 0);
    else if (centred) {
      const centre = (Math.min(...label.span) + Math.max(...label.span)) / 2;
      const end = k === labels.length - 1 ? total : Math.round(2 * centre - first + 1);
      next = Math.min(total, Math.max(first + 1, end));
    }
    const row = rowOf[first];
    if (row !== undefined && first < total) out[row] = MappedText.concat(label.parts);
  });
  return out;
}
