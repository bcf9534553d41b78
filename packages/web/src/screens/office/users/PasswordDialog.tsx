import { Alert, Button, Modal, Typography } from 'antd';
import { format, useMessages } from '../../../i18n/i18n';
import { usersMessages } from './users.messages';

/** Shows a generated password this once, copyable; closing it forgets the password. */
export function PasswordDialog(props: { name: string; password: string; onClose: () => void }) {
  const t = useMessages(usersMessages);
  return (
    <Modal
      open
      title={format(t.passwordTitle, { name: props.name })}
      onCancel={props.onClose}
      footer={
        <Button type="primary" onClick={props.onClose}>
          {t.close}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t.passwordOnce} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable={{ text: props.password }} style={{ fontSize: 18 }}>
        <code data-testid="generated-password">{props.password}</code>
      </Typography.Paragraph>
    </Modal>
  );
}
