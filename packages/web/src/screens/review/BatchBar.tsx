import { Alert, Button, Space, Typography } from 'antd';
import { format } from '../../i18n/i18n';
import type { ReviewText } from './review.messages';

/**
 * The batch approval bar: how many are selected, and the batch button, which stays disabled while
 * any selected item's data-quality warnings are unread (and says how many).
 */
export function BatchBar({
  t,
  selected,
  unseen,
  busy,
  onSelectPage,
  onClear,
  onApprove,
}: {
  t: ReviewText;
  selected: number;
  unseen: number;
  busy: boolean;
  onSelectPage: () => void;
  onClear: () => void;
  onApprove: () => void;
}) {
  return (
    <section aria-label={t.batchLabel}>
      <Space wrap>
        <Typography.Text>{format(t.selected, { n: selected })}</Typography.Text>
        <Button onClick={onSelectPage}>{t.selectPage}</Button>
        {selected > 0 ? <Button onClick={onClear}>{t.clearSelection}</Button> : null}
        <Button type="primary" disabled={selected === 0 || unseen > 0 || busy} onClick={onApprove}>
          {format(t.approveBatch, { n: selected })}
        </Button>
      </Space>
      {selected > 0 && unseen > 0 ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={format(t.unseenFlags, { n: unseen })}
        />
      ) : null}
    </section>
  );
}
