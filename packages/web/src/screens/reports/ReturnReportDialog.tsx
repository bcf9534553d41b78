import { Form, Input, Modal } from 'antd';
import { useMessages } from '../../i18n/i18n';
import { reportsMessages } from './reports.messages';

/** Asks a leader why a report goes back to the office; the office sees the note on the report. */
export function ReturnReportDialog({
  busy,
  onConfirm,
  onCancel,
}: {
  busy: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const t = useMessages(reportsMessages);
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open
      title={t.returnTitle}
      okText={t.returnIt}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t.cancel}
      onCancel={onCancel}
      onOk={() => {
        form.validateFields().then(
          (v) => {
            onConfirm(v.note.trim());
          },
          () => undefined, // The field shows what is missing.
        );
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t.returnReason}
          extra={t.returnReasonHelp}
          rules={[{ required: true, whitespace: true, message: t.returnReasonRequired }]}
        >
          <Input.TextArea rows={4} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
