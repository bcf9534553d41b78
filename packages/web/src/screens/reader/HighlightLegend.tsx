import { Checkbox, Space, Typography } from 'antd';
import { format } from '../../i18n/i18n';
import type { ReaderText } from './reader.messages';
import { ITEM_KINDS, type ItemKind, MARK_STYLES } from './reader-marks';

type Props = {
  counts: Record<ItemKind, number>;
  visible: ReadonlySet<ItemKind>;
  onToggle: (kind: ItemKind, on: boolean) => void;
  t: ReaderText;
};

/** What each highlight means, how many the text shows, and a switch per kind. */
export function HighlightLegend({ counts, visible, onToggle, t }: Props) {
  return (
    <section aria-label={t.legend} style={{ marginBottom: 12 }}>
      <Space wrap size="middle">
        <Typography.Text strong>{t.legend}</Typography.Text>
        {ITEM_KINDS.map((kind) => (
          <Checkbox
            key={kind}
            checked={visible.has(kind)}
            onChange={(e) => {
              onToggle(kind, e.target.checked);
            }}
          >
            <mark style={{ ...MARK_STYLES[kind], color: 'inherit', padding: '0 4px' }}>{t[kind]}</mark>{' '}
            <Typography.Text type="secondary">{format(t.countInNode, { n: counts[kind] })}</Typography.Text>
          </Checkbox>
        ))}
        <span>
          <mark style={{ ...MARK_STYLES.hit, color: 'inherit', padding: '0 4px' }}>{t.hit}</mark>
        </span>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
        {t.legendHint}
      </Typography.Paragraph>
    </section>
  );
}
