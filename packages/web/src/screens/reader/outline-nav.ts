import type { OutlineNode } from '@plantrack/api';

/** Nodes in document order. */
export function flattenNodes(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flattenNodes(n.children)]);
}

/** The keys from the root down to `key` (inclusive), or [] when it is not in the tree. */
export function pathTo(nodes: readonly OutlineNode[], key: string): string[] {
  for (const node of nodes) {
    if (node.key === key) return [key];
    const below = pathTo(node.children, key);
    if (below.length > 0) return [node.key, ...below];
  }
  return [];
}

/** The innermost node whose span holds `offset` (a search hit, a finding's source). */
export function nodeAt(nodes: readonly OutlineNode[], offset: number): OutlineNode | undefined {
  const holder = nodes.find((n) => n.source.start <= offset && offset < n.source.end);
  if (holder === undefined) return undefined;
  return nodeAt(holder.children, offset) ?? holder;
}

/** Where a node's own heading line ends, so the heading is shown once, above the text. */
export function headingEnd(text: string, node: OutlineNode): number {
  const lineEnd = text.indexOf('\n', node.source.start);
  return lineEnd === -1 || lineEnd > node.source.end ? node.source.end : lineEnd + 1;
}
