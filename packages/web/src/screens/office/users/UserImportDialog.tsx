import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblem, api } from '../../../api/client';
import type { UserImportResult } from '@plantrack/api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useBilingual, useMessages } from '../../../i18n/i18n';
import { userImportMessages } from './user-import.messages';

type Created = UserImportResult['created'][number];

/** The passwords of the imported users as a CSV file (UTF-8 with BOM, so Excel reads the names). */
function downloadPasswords(created: readonly Created[]): void {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [
    ['姓名', '电子邮箱', '初始密码'],
    ...created.map((c) => [c.user.displayName, c.user.email, c.generatedPassword ?? '']),
  ];
  const blob = new Blob([`\uFEFF${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`], {
    type: 'text/csv',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = '用户初始密码.csv';
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Bulk import of users from an Excel sheet: the template, an upload previewed with every wrong
 * cell in the current language, the import (all or none) once the preview is clean, and the
 * generated passwords shown once — copyable and downloadable — afterwards.
 */
export function UserImportDialog(props: { onClose: (changed: boolean) => void }) {
  const t = useMessages(userImportMessages);
  const pick = useBilingual();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<UserImportResult | null>(null);
  const [created, setCreated] = useState<Created[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const send = async (chosen: File, confirm: boolean) => {
    setBusy(true);
    setProblem(undefined);
    const form = new FormData();
    form.append('file', chosen);
    try {
      const result = await api<UserImportResult>(`/api/admin/users/import${confirm ? '?confirm=true' : ''}`, {
        form,
      });
      if (confirm) setCreated(result.created);
      else setPreview(result);
    } catch (error) {
      if (error instanceof ApiProblem) {
        setProblem(error);
        setPreview(null);
      } else throw error;
    } finally {
      setBusy(false);
    }
  };

  const errorsOf = (row: number) => (preview?.errors ?? []).filter((e) => e.row === row);
  const ready = preview !== null && preview.errors.length === 0 && preview.rows.length > 0;

  return (
    <Modal
      open
      width={900}
      title={t.title}
      onCancel={() => {
        props.onClose(created !== null);
      }}
      footer={
        created !== null ? (
          <Button
            type="primary"
            onClick={() => {
              props.onClose(true);
            }}
          >
            {t.close}
          </Button>
        ) : (
          <Space wrap>
            <Button
              onClick={() => {
                props.onClose(false);
              }}
            >
              {t.cancel}
            </Button>
            <Button
              type="primary"
              disabled={!ready || file === null}
              loading={busy}
              onClick={() => file && void send(file, true)}
            >
              {format(t.confirm, { n: preview?.rows.length ?? 0 })}
            </Button>
          </Space>
        )
      }
    >
      {created !== null ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={format(t.done, { n: created.length })}
            style={{ marginBottom: 12 }}
          />
          <Button
            onClick={() => {
              downloadPasswords(created);
            }}
            style={{ marginBottom: 12 }}
          >
            {t.download}
          </Button>
          <Table<Created>
            rowKey={(c) => c.user.id}
            size="small"
            pagination={false}
            dataSource={created}
            columns={[
              { key: 'name', title: t.name, render: (_v, c) => c.user.displayName },
              {
                key: 'email',
                title: t.email,
                render: (_v, c) => <span style={{ wordBreak: 'break-all' }}>{c.user.email}</span>,
              },
              {
                key: 'password',
                title: t.password,
                render: (_v, c) => (
                  <Typography.Text
                    copyable={{ text: c.generatedPassword ?? '' }}
                    code
                    data-testid="imported-password"
                  >
                    {c.generatedPassword}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      ) : (
        <>
          <Typography.Paragraph>{t.steps}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <a href="/api/admin/users/import-template.xlsx" download>
              {t.template}
            </a>
            <label>
              {t.choose}{' '}
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  setPreview(null);
                  if (chosen !== null) void send(chosen, false);
                }}
              />
            </label>
          </Space>
          <ProblemAlert problem={problem} />
          {preview === null ? null : (
            <>
              <Alert
                type={preview.errors.length === 0 ? 'success' : 'error'}
                showIcon
                role="status"
                title={format(t.summary, { rows: preview.rows.length, errors: preview.errors.length })}
                description={preview.errors.length === 0 ? undefined : t.fix}
                style={{ margin: '12px 0' }}
              />
              <Table
                rowKey="row"
                size="small"
                pagination={false}
                dataSource={preview.rows}
                columns={[
                  { key: 'row', title: t.row, dataIndex: 'row', width: 56 },
                  { key: 'name', title: t.name, dataIndex: 'name' },
                  { key: 'email', title: t.email, dataIndex: 'email', responsive: ['md'] },
                  { key: 'department', title: t.department, dataIndex: 'department', responsive: ['md'] },
                  { key: 'roles', title: t.roles, dataIndex: 'roles', responsive: ['md'] },
                  {
                    key: 'problems',
                    title: t.problems,
                    render: (_v, r) => {
                      const errors = errorsOf(r.row);
                      return errors.length === 0 ? (
                        <Typography.Text>✓ {t.ok}</Typography.Text>
                      ) : (
                        <ul style={{ margin: 0, paddingLeft: 16 }}>
                          {errors.map((e) => (
                            <li key={`${e.field}-${e.messages.en}`}>
                              <Typography.Text type="danger">{pick(e.messages)}</Typography.Text>
                            </li>
                          ))}
                        </ul>
                      );
                    },
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
