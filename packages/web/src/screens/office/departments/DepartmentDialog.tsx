import { Form, Input } from 'antd';
import { api } from '../../../api/client';
import type { Department } from '@plantrack/api';
import { FormDialog } from '../../../components/FormDialog';
import { format, useMessages } from '../../../i18n/i18n';
import { departmentsMessages } from './departments.messages';

type Fields = { canonicalName: string; contactName?: string; contactPhone?: string; contactEmail?: string };

const PHONE = /^[0-9+\-() 转]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/**
 * Adds a department (of the plan's region, or of `regionCode`) or edits one: its name — the old
 * name stays an alias on the server, so plan text that still writes it keeps resolving — and its
 * contact person. The server's error (a name already taken, with its holder) is shown in place.
 */
export function DepartmentDialog(props: {
  department: Department | null;
  planId: string | null;
  regionCode: string | null;
  onClose: (changed: boolean) => void;
}) {
  const t = useMessages(departmentsMessages);
  const { department } = props;
  const [form] = Form.useForm<Fields>();

  const send = async (values: Fields): Promise<void> => {
    const contact = {
      name: values.contactName?.trim() ?? null,
      phone: values.contactPhone?.trim() ?? null,
      email: values.contactEmail?.trim() ?? null,
    };
    if (department === null) {
      const region = props.planId !== null ? { planId: props.planId } : { regionCode: props.regionCode };
      await api('/api/departments', {
        json: { ...region, canonicalName: values.canonicalName.trim(), contact },
      });
    } else {
      await api(`/api/departments/${department.id}`, {
        method: 'PATCH',
        json: { canonicalName: values.canonicalName.trim(), contact },
      });
    }
  };

  return (
    <FormDialog<Fields, void>
      form={form}
      title={department === null ? t.addTitle : format(t.editTitle, { name: department.canonicalName })}
      okText={t.save}
      cancelText={t.cancel}
      initialValues={{
        canonicalName: department?.canonicalName ?? '',
        contactName: department?.contact?.name ?? '',
        contactPhone: department?.contact?.phone ?? '',
        contactEmail: department?.contact?.email ?? '',
      }}
      send={send}
      onDone={() => {
        props.onClose(true);
      }}
      onCancel={() => {
        props.onClose(false);
      }}
    >
      <Form.Item
        label={t.name}
        name="canonicalName"
        rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t.required }]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item label={t.contactName} name="contactName" rules={[{ max: 100 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t.contactPhone}
        name="contactPhone"
        rules={[{ pattern: PHONE, message: t.badPhone }, { max: 40 }]}
      >
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t.contactEmail}
        name="contactEmail"
        rules={[{ pattern: EMAIL, message: t.badEmail }, { max: 320 }]}
      >
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
    </FormDialog>
  );
}
