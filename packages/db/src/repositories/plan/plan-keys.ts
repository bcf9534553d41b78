import { type Indicator, type OutlineNode, type Plan, type SourceSpan, toHalfWidth } from '@plantrack/core';

/**
 * A name folded for identity: full-width forms to half-width, whitespace removed, Latin lower-cased.
 * `GDP增长 （%）` and `ＧＤＰ增长(%)` get the same key, so a re-typed name in a revised outline still
 * matches its indicator.
 */
export function normalizeKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
}

/** The identity of an indicator within its plan: its name, under its parent's for sub-indicators. */
export function indicatorKeyOf(indicator: Pick<Indicator, 'name' | 'parent'>): string {
  const name = normalizeKey(indicator.name);
  return indicator.parent === null ? name : `${normalizeKey(indicator.parent)}/${name}`;
}

/** Makes keys unique in order: a repeated key gets `#2`, `#3`, … so both records survive. */
export function dedupeKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** A default slug for a plan: region code (or a folded title) and period, e.g. `320412-2026-2030`. */
export function defaultPlanSlug(plan: Plan): string {
  const who = plan.regionCode ?? normalizeKey(plan.region ?? plan.title);
  return [who, plan.periodStart, plan.periodEnd].filter((x) => x !== null).join('-');
}

/** An outline node flattened for storage. */
export type FlatNode = {
  key: string;
  kind: OutlineNode['kind'];
  ordinal: number;
  label: string;
  title: string;
  parentKey: string | null;
  position: number;
  depth: number;
  text: string;
  source: SourceSpan;
};

/** Flattens the outline depth first, keeping each node's parent and document position. */
export function flattenOutline(outline: readonly OutlineNode[]): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (node: OutlineNode, parentKey: string | null, depth: number): void => {
    out.push({
      key: node.id,
      kind: node.kind,
      ordinal: node.ordinal,
      label: node.label,
      title: node.title,
      parentKey,
      position: out.length,
      depth,
      text: node.paragraphs.map((p) => p.text).join('\n'),
      source: node.source,
    });
    for (const child of node.children) walk(child, node.id, depth + 1);
  };
  for (const node of outline) walk(node, null, 0);
  return out;
}
