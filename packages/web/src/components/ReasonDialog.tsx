import { Form, Input, Modal } from 'antd';

/** The words of a reason dialog, in the caller's language. */
export type ReasonDialogText = {
  title: string;
  confirm: string;
  cancel: string;
  label: string;
  help: string;
  required: string;
};

/**
 * Asks why something goes back (a returned submission, a returned report) before the action runs;
 * the reason is required and reaches whoever has to act on it.
 */
export function ReasonDialog({
  text,
  maxLength,
  busy,
  onConfirm,
  onCancel,
}: {
  text: ReasonDialogText;
  maxLength: number;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={text.title}
      okText={text.confirm}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={text.cancel}
      onCancel={onCancel}
      onOk={() => {
        form.validateFields().then(
          (v) => {
            onConfirm(v.reason.trim());
          },
          () => undefined, // The field shows what is missing.
        );
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={text.label}
          extra={text.help}
          rules={[{ required: true, whitespace: true, message: text.required }]}
        >
          <Input.TextArea rows={4} maxLength={maxLength} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
