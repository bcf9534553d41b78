import { Alert, App, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, query } from '../../../api/client';
import type { AdminUser, AdminUserWithPassword, Department, Role } from '@plantrack/api';
import { useApi } from '../../../api/use-api';
import { useServerCall } from '../../../api/use-server-call';
import { hasAnyRole, useAuth } from '../../../auth/auth';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { PasswordDialog } from './PasswordDialog';
import { ROLES, useRoleLabels } from './role-labels';
import { UserDialog } from './UserDialog';
import { UserImportDialog } from './UserImportDialog';
import { usersMessages } from './users.messages';

type UserPage = { items: AdminUser[]; total: number; page: number; pageSize: number };
type Dialog = { kind: 'add' } | { kind: 'edit'; user: AdminUser } | { kind: 'import' };

/**
 * The office console's users tab (administrators: they hand out every role): the users filtered
 * by role, department and status (in the URL); create, edit, deactivate or reactivate, reset a
 * password (the generated password shown once), and a bulk import from an Excel sheet.
 */
export function UsersPanel(props: { planId: string | null }) {
  const t = useMessages(usersMessages);
  const labels = useRoleLabels();
  const { message } = App.useApp();
  const { state } = useAuth();
  const isAdmin = hasAnyRole(state.status === 'signed-in' ? state.user : null, ['administrator']);
  const [params, setParams] = useSearchParams();
  const role = params.get('role') ?? '';
  const department = params.get('department') ?? '';
  const active = params.get('active') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const users = useApi<UserPage>(
    isAdmin ? `/api/admin/users${query({ role, department, active, page, pageSize: 50 })}` : null,
  );
  const departments = useApi<Department[]>(
    isAdmin ? `/api/departments${query({ planId: props.planId })}` : null,
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  const { problem, run } = useServerCall();

  if (!isAdmin) return <Alert type="info" showIcon title={t.adminOnly} />;

  const setFilter = (key: string, value: string | undefined) => {
    setParams((p) => {
      if (value === undefined || value === '') p.delete(key);
      else p.set(key, value);
      p.delete('page');
      return p;
    });
  };

  const change = async (
    u: AdminUser,
    body: Record<string, unknown>,
    done: (r: AdminUserWithPassword) => void,
  ) => {
    await run(async () => {
      done(await api<AdminUserWithPassword>(`/api/admin/users/${u.id}`, { method: 'PATCH', json: body }));
      users.reload();
    });
  };

  const reset = (u: AdminUser) => {
    Modal.confirm({
      title: format(t.resetConfirm, { name: u.displayName }),
      okText: t.resetPassword,
      cancelText: t.cancel,
      onOk: () =>
        change(u, { resetPassword: true }, (r) => {
          if (r.generatedPassword !== null) setShown({ name: u.displayName, password: r.generatedPassword });
        }),
    });
  };

  const columns: ColumnsType<AdminUser> = [
    {
      key: 'name',
      title: t.name,
      render: (_v, u) => (
        <div>
          <Typography.Text strong>{u.displayName}</Typography.Text>{' '}
          {u.active ? null : <Tag>{t.inactive}</Tag>}
          <div>
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              {u.email}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'roles',
      title: t.roles,
      render: (_v, u) => (
        <div>
          {u.roles.map((r) => (
            <Tag key={r}>{labels[r]}</Tag>
          ))}
          {u.departmentName === null ? null : <div>{u.departmentName}</div>}
        </div>
      ),
    },
    {
      key: 'actions',
      title: t.actions,
      render: (_v, u) => (
        <Space wrap size={4}>
          <Button
            size="small"
            aria-label={`${t.edit} ${u.displayName}`}
            onClick={() => {
              setDialog({ kind: 'edit', user: u });
            }}
          >
            {t.edit}
          </Button>
          <Button
            size="small"
            aria-label={`${t.resetPassword} ${u.displayName}`}
            onClick={() => {
              reset(u);
            }}
          >
            {t.resetPassword}
          </Button>
          <Button
            size="small"
            aria-label={`${u.active ? t.deactivate : t.reactivate} ${u.displayName}`}
            onClick={() =>
              void change(u, { active: !u.active }, () => {
                void message.success(
                  format(u.active ? t.deactivated : t.reactivated, { name: u.displayName }),
                );
              })
            }
          >
            {u.active ? t.deactivate : t.reactivate}
          </Button>
        </Space>
      ),
    },
  ];

  const allOption = { value: '', label: t.all };
  return (
    <section aria-label={t.name}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          onClick={() => {
            setDialog({ kind: 'add' });
          }}
        >
          {t.add}
        </Button>
        <Button
          onClick={() => {
            setDialog({ kind: 'import' });
          }}
        >
          {t.import}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.filterRole}
          style={{ minWidth: 140 }}
          value={role}
          onChange={(v) => {
            setFilter('role', v);
          }}
          options={[allOption, ...ROLES.map((r: Role) => ({ value: r, label: labels[r] }))]}
          prefix={`${t.filterRole}:`}
        />
        <Select
          aria-label={t.filterDepartment}
          style={{ minWidth: 180 }}
          value={department}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => {
            setFilter('department', v);
          }}
          options={[
            allOption,
            ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.canonicalName })),
          ]}
          prefix={`${t.filterDepartment}:`}
        />
        <Select
          aria-label={t.filterActive}
          style={{ minWidth: 120 }}
          value={active}
          onChange={(v) => {
            setFilter('active', v);
          }}
          options={[allOption, { value: 'true', label: t.active }, { value: 'false', label: t.inactive }]}
          prefix={`${t.filterActive}:`}
        />
      </Space>
      <ProblemAlert problem={users.error ?? problem} onRetry={users.reload} />
      <Table<AdminUser>
        rowKey="id"
        size="small"
        loading={users.loading}
        columns={columns}
        dataSource={users.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 50,
          total: users.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (n) => format(t.count, { n }),
          onChange: (p) => {
            setFilter('page', String(p));
          },
        }}
      />
      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <UserDialog
          user={dialog.kind === 'edit' ? dialog.user : null}
          departments={departments.data ?? []}
          onClose={(result) => {
            setDialog(null);
            if (result === null) return;
            void message.success(t.saved);
            if (result.generatedPassword !== null) {
              setShown({ name: result.user.displayName, password: result.generatedPassword });
            }
            users.reload();
            departments.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'import' ? (
        <UserImportDialog
          onClose={(changed) => {
            setDialog(null);
            if (changed) users.reload();
          }}
        />
      ) : null}
      {shown === null ? null : (
        <PasswordDialog
          name={shown.name}
          password={shown.password}
          onClose={() => {
            setShown(null);
          }}
        />
      )}
    </section>
  );
}
