import { Form, Input, Modal } from 'antd';
import { format } from '../../i18n/i18n';
import type { ReviewText } from './review.messages';

/** Asks for the reason a submission is returned; the department sees it. */
export function ReturnDialog({
  t,
  name,
  period,
  busy,
  onConfirm,
  onCancel,
}: {
  t: ReviewText;
  name: string;
  period: string;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={format(t.returnTitle, { name, period })}
      okText={t.confirmReturn}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t.cancel}
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
          label={t.reason}
          extra={t.reasonHelp}
          rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}
        >
          <Input.TextArea rows={4} maxLength={4000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
