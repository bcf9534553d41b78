import { Button, Modal, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/i18n';
import { preSubmitMessages } from './pre-submit.messages';

/**
 * The frame of every "these values raise warnings" question before a submission: the list of
 * warnings (the children, as list items), 返回修改 to go back and fix, and 确认无误，仍然提交 to send
 * them with the confirmation.
 */
export function ConfirmWarningsModal(props: {
  open: boolean;
  width: number;
  busy: boolean;
  onFix: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const t = useMessages(preSubmitMessages);
  return (
    <Modal
      open={props.open}
      title={t.title}
      onCancel={props.onFix}
      width={props.width}
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Button onClick={props.onFix}>{t.fix}</Button>
          <Button type="primary" danger loading={props.busy} onClick={props.onConfirm}>
            {t.confirm}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t.intro}</Typography.Paragraph>
      <ul aria-label={t.listLabel} style={{ paddingInlineStart: 20 }}>
        {props.children}
      </ul>
    </Modal>
  );
}
