import { Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, useMemo, useRef, useState } from 'react';
import type { ReaderText } from './reader.messages';
import type { OutlineNode } from '@plantrack/api';

const toTreeData = (nodes: readonly OutlineNode[]): DataNode[] =>
  nodes.map((n) => ({
    key: n.key,
    title: `${n.label} ${n.title}`.trim(),
    ...(n.children.length > 0 ? { children: toTreeData(n.children) } : { isLeaf: true }),
  }));

type Props = {
  outline: OutlineNode[];
  selectedKey: string | null;
  /** Keys from the root to the selected node: kept expanded so the selection is visible. */
  selectedPath: string[];
  onOpen: (key: string) => void;
  t: ReaderText;
};

/**
 * 篇/章/节 as a tree. antd's tree moves with the arrow keys (Right/Left expand and collapse); Enter
 * and Space open the node that has keyboard focus, Enter also on a node with children.
 */
export function OutlineTree({ outline, selectedKey, selectedPath, onOpen, t }: Props) {
  const treeData = useMemo(() => toTreeData(outline), [outline]);
  const [expanded, setExpanded] = useState<Key[]>(selectedPath.slice(0, -1));
  const [shownKey, setShownKey] = useState(selectedKey);
  if (shownKey !== selectedKey) {
    // A node opened from elsewhere (a search hit, a link): unfold its ancestors once.
    setShownKey(selectedKey);
    setExpanded((keys) => [...new Set([...keys, ...selectedPath.slice(0, -1)])]);
  }
  const active = useRef<Key | null>(null);
  return (
    <nav aria-label={t.outline}>
      <Typography.Title level={2} style={{ fontSize: 16 }} id="reader-outline-title">
        {t.outline}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.outlineHint}
      </Typography.Paragraph>
      <Tree
        treeData={treeData}
        aria-labelledby="reader-outline-title"
        selectedKeys={selectedKey === null ? [] : [selectedKey]}
        expandedKeys={expanded}
        onExpand={(keys) => {
          setExpanded(keys);
        }}
        onActiveChange={(key) => {
          active.current = key;
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && active.current !== null) onOpen(String(active.current));
        }}
        onSelect={(keys, info) => {
          onOpen(String(keys[0] ?? info.node.key));
        }}
        blockNode
        style={{ maxHeight: 'calc(100vh - 360px)', overflow: 'auto' }}
      />
    </nav>
  );
}
