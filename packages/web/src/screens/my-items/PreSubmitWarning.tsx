import { Button, Modal, Space, Typography } from 'antd';
import type { QualityFlag } from '@plantrack/api';
import { useBilingual, useMessages } from '../../i18n/i18n';
import { preSubmitMessages } from './pre-submit.messages';

/**
 * The warnings a value would raise, shown before it is submitted: the reporter goes back to fix it
 * or confirms it ("确认无误，仍然提交"); the confirmation travels with the submission.
 */
export function PreSubmitWarning({
  flags,
  busy,
  onFix,
  onConfirm,
}: {
  flags: readonly QualityFlag[] | null;
  busy: boolean;
  onFix: () => void;
  onConfirm: () => void;
}) {
  const t = useMessages(preSubmitMessages);
  const pick = useBilingual();
  return (
    <Modal
      open={flags !== null}
      title={t.title}
      onCancel={onFix}
      width={560}
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Button onClick={onFix}>{t.fix}</Button>
          <Button type="primary" danger loading={busy} onClick={onConfirm}>
            {t.confirm}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t.intro}</Typography.Paragraph>
      <ul aria-label={t.listLabel} style={{ paddingInlineStart: 20 }}>
        {(flags ?? []).map((f) => (
          <li key={`${f.code}:${f.message.zh}`}>
            <Typography.Text strong={f.severity === 'error'}>{pick(f.message)}</Typography.Text>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
