import { Modal, Typography } from 'antd';
import { format } from '../../i18n/i18n';
import type { ReviewText } from './review.messages';

/** What one approval names: the item, its period and the value (or progress) submitted. */
export type ApprovalLine = { id: string; name: string; period: string; value: string };

/**
 * Confirms an approval, naming what is approved — one item, or each item of a batch — so a
 * misclick never puts a value in force.
 */
export function ApproveDialog({
  t,
  lines,
  busy,
  onConfirm,
  onCancel,
}: {
  t: ReviewText;
  lines: readonly ApprovalLine[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const single = lines.length === 1 ? lines[0] : undefined;
  return (
    <Modal
      open
      title={single === undefined ? format(t.batchTitle, { n: lines.length }) : t.confirmApproveTitle}
      okText={single === undefined ? format(t.approveBatch, { n: lines.length }) : t.confirmApprove}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={onConfirm}
      onCancel={onCancel}
    >
      {single === undefined ? (
        <>
          <Typography.Paragraph>{t.batchIntro}</Typography.Paragraph>
          <ul aria-label={format(t.batchTitle, { n: lines.length })} style={{ paddingInlineStart: 20 }}>
            {lines.map((l) => (
              <li key={l.id}>
                {l.name} · {l.period} · <strong>{l.value}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Typography.Paragraph>
          {format(t.confirmApproveText, { name: single.name, period: single.period, value: single.value })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
