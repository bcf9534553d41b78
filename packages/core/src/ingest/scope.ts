import type { OutlineNode } from '../model/plan-model.schema.js';

/** A statistical scope (口径) declared by a footnote: `包含常州经开区`, `不含常州经开区`. */
export type DeclaredScope = { text: string; includes: boolean; area: string };

const SCOPE = /(不包含|不包括|不含|包含|包括|含)([\u4e00-\u9fff]{2,12}?)(?:[。；，,]|$)/;

export function readScope(text: string): DeclaredScope | null {
  const match = SCOPE.exec(text);
  if (!match) return null;
  const word = match[1] ?? '';
  return { text: `${word}${match[2] ?? ''}`, includes: !/^不/.test(word), area: match[2] ?? '' };
}

/** The scope in force at a node: the nearest footnote on it or an ancestor that declares one. */
export function scopeAt(path: readonly OutlineNode[]): DeclaredScope | null {
  for (let k = path.length - 1; k >= 0; k--) {
    for (const footnote of path[k]?.footnotes ?? []) {
      const scope = readScope(footnote.text);
      if (scope) return scope;
    }
  }
  return null;
}

/**
 * The scope of the plan's targets: a footnote that speaks of targets (`…目标任务不含常州经开区`)
 * declares it for the whole plan, wherever it is attached.
 */
export function targetScope(outline: readonly OutlineNode[]): DeclaredScope | null {
  for (const node of walk(outline)) {
    for (const footnote of node.footnotes) {
      if (/目标/.test(footnote.text)) {
        const scope = readScope(footnote.text);
        if (scope) return scope;
      }
    }
  }
  return null;
}

/** Every node with its ancestors (itself last), depth first in document order. */
export function walkWithPath(nodes: readonly OutlineNode[]): { node: OutlineNode; path: OutlineNode[] }[] {
  const out: { node: OutlineNode; path: OutlineNode[] }[] = [];
  const visit = (list: readonly OutlineNode[], path: OutlineNode[]): void => {
    for (const node of list) {
      const here = [...path, node];
      out.push({ node, path: here });
      visit(node.children, here);
    }
  };
  visit(nodes, []);
  return out;
}

/** Every node, depth first in document order. */
export function walk(nodes: readonly OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (list: readonly OutlineNode[]): void => {
    for (const node of list) {
      out.push(node);
      visit(node.children);
    }
  };
  visit(nodes);
  return out;
}
