import type { CSSProperties } from 'react';
import { type Mark, type MarkKind, findTerms } from './highlight-layout';
import { flattenNodes, headingEnd } from './outline-nav';
import type { OutlineNode, Outline as PlanOutline } from '@plantrack/api';

/** The kinds a reader can switch on and off in the legend. */
export const ITEM_KINDS = ['indicator', 'commitment', 'owner', 'finding'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Dark text on light tints (contrast above 7:1) plus a distinct underline, so colour is not the only cue. */
export const MARK_STYLES: Record<MarkKind, CSSProperties> = {
  indicator: { background: '#dbe9ff', borderBottom: '2px solid #1f4e99' },
  commitment: { background: '#e2f3df', borderBottom: '2px dashed #2e6b2a' },
  owner: { background: '#ffecc7', borderBottom: '2px dotted #8a4b00' },
  finding: { background: '#ffe1e1', textDecoration: 'underline wavy #b00020' },
  hit: { background: '#ffe14d', fontWeight: 600 },
  heading: { display: 'block', fontWeight: 600, margin: '12px 0 4px' },
};

const overlaps = (start: number, end: number, from: number, to: number): boolean => start < to && from < end;

/** The highlights inside `[from, to)`: items of the visible kinds, nested headings, search hits. */
export function marksIn(
  outline: PlanOutline,
  node: OutlineNode,
  from: number,
  to: number,
  visible: ReadonlySet<ItemKind>,
  query: string,
): Mark[] {
  const marks: Mark[] = [];
  const add = (kind: MarkKind, ref: number, start: number, end: number, suffix = ''): void => {
    if (overlaps(start, end, from, to)) marks.push({ id: `${kind}-${ref}${suffix}`, kind, ref, start, end });
  };
  for (const child of flattenNodes(node.children)) {
    add('heading', 0, child.source.start, headingEnd(outline.text, child), child.key);
  }
  const items: [ItemKind, readonly { source: { start: number; end: number } }[]][] = [
    ['indicator', outline.indicators],
    ['commitment', outline.commitments],
    ['owner', outline.assignments],
  ];
  for (const [kind, list] of items) {
    if (!visible.has(kind)) continue;
    for (const [k, item] of list.entries()) add(kind, k, item.source.start, item.source.end);
  }
  if (visible.has('finding')) {
    for (const [k, finding] of outline.findings.entries()) {
      for (const [j, s] of finding.sources.entries()) add('finding', k, s.start, s.end, `-${j}`);
    }
  }
  return [...marks, ...findTerms(outline.text, from, to, query)];
}

/** How many items of each kind the range holds (for the legend). */
export function countByKind(marks: readonly Mark[]): Record<ItemKind, number> {
  const counts: Record<ItemKind, number> = { indicator: 0, commitment: 0, owner: 0, finding: 0 };
  for (const m of marks) if (m.kind !== 'hit' && m.kind !== 'heading') counts[m.kind] += 1;
  return counts;
}
