import { Checkbox, Form, Input, Select } from 'antd';
import { api } from '../../../api/client';
import type { AdminUser, AdminUserWithPassword, Department, Role } from '@plantrack/api';
import { FormDialog } from '../../../components/FormDialog';
import { format, useMessages } from '../../../i18n/i18n';
import { ROLES, useRoleLabels } from './role-labels';
import { usersMessages } from './users.messages';

type Fields = { displayName: string; email: string; roles: Role[]; departmentId?: string | null };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/**
 * Creates a user (the server generates the password, returned once) or edits one's name, roles
 * and department. A department is required for reporters, picked from the active departments,
 * never typed, so a name the registry does not know cannot be entered.
 */
export function UserDialog(props: {
  user: AdminUser | null;
  departments: readonly Department[];
  onClose: (result: AdminUserWithPassword | null) => void;
}) {
  const t = useMessages(usersMessages);
  const labels = useRoleLabels();
  const { user } = props;
  const [form] = Form.useForm<Fields>();
  const roles = Form.useWatch('roles', form) ?? user?.roles ?? [];

  const send = (values: Fields): Promise<AdminUserWithPassword> => {
    const departmentId = values.departmentId ?? null;
    const displayName = values.displayName.trim();
    return user === null
      ? api<AdminUserWithPassword>('/api/admin/users', {
          json: { displayName, email: values.email.trim(), roles: values.roles, departmentId },
        })
      : api<AdminUserWithPassword>(`/api/admin/users/${user.id}`, {
          method: 'PATCH',
          json: { displayName, roles: values.roles, departmentId },
        });
  };

  return (
    <FormDialog<Fields, AdminUserWithPassword>
      form={form}
      title={user === null ? t.addTitle : format(t.editTitle, { name: user.displayName })}
      okText={t.save}
      cancelText={t.cancel}
      initialValues={{
        displayName: user?.displayName ?? '',
        email: user?.email ?? '',
        roles: user?.roles ?? [],
        departmentId: user?.departmentId ?? undefined,
      }}
      send={send}
      onDone={props.onClose}
      onCancel={() => {
        props.onClose(null);
      }}
    >
      <Form.Item
        label={t.name}
        name="displayName"
        rules={[{ required: true, whitespace: true, max: 100, message: t.required }]}
      >
        <Input autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t.email}
        name="email"
        rules={[
          { required: true, message: t.required },
          { pattern: EMAIL, message: t.badEmail },
        ]}
      >
        <Input inputMode="email" autoComplete="off" disabled={user !== null} />
      </Form.Item>
      <Form.Item
        label={t.roles}
        name="roles"
        rules={[{ required: true, type: 'array', min: 1, message: t.rolesRequired }]}
      >
        <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: labels[r] }))} />
      </Form.Item>
      <Form.Item
        label={t.department}
        name="departmentId"
        htmlFor="user-department"
        rules={[{ required: roles.includes('department_reporter'), message: t.departmentRequired }]}
      >
        <Select
          id="user-department"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={props.departments
            .filter((d) => d.active || d.id === user?.departmentId)
            .map((d) => ({ value: d.id, label: d.canonicalName }))}
        />
      </Form.Item>
    </FormDialog>
  );
}
