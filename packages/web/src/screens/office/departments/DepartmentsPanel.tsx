import { App, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, query } from '../../../api/client';
import type { Department, DepartmentMergeResult } from '@plantrack/api';
import { useApi } from '../../../api/use-api';
import { useServerCall } from '../../../api/use-server-call';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { DepartmentDialog } from './DepartmentDialog';
import { departmentsMessages } from './departments.messages';
import { MergeDialog } from './MergeDialog';

type Dialog =
  { kind: 'add' } | { kind: 'edit'; department: Department } | { kind: 'merge'; department: Department };

/**
 * The office console's departments tab: the registry of the plan's region (seeded from the 牵头
 * and 参与 names of the plan text) with what each department owns and how many users it has; add,
 * rename, merge a duplicate, deactivate or reactivate, and a contact person per department. The
 * "show deactivated" switch lives in the URL like every filter.
 */
export function DepartmentsPanel(props: { planId: string | null }) {
  const t = useMessages(departmentsMessages);
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const showInactive = params.get('inactive') === '1';
  const { data, error, loading, reload } = useApi<Department[]>(
    `/api/departments${query({ planId: props.planId })}`,
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { problem, run } = useServerCall();
  const all = data ?? [];
  const rows = showInactive ? all : all.filter((d) => d.active);

  const toggleActive = async (d: Department) => {
    await run(async () => {
      await api(`/api/departments/${d.id}`, { method: 'PATCH', json: { active: !d.active } });
      void message.success(format(d.active ? t.deactivated : t.reactivated, { name: d.canonicalName }));
      reload();
    });
  };

  const closeMerge = (result: DepartmentMergeResult | null, from: Department) => {
    setDialog(null);
    if (result === null) return;
    void message.success(
      format(t.merged, {
        from: from.canonicalName,
        into: result.kept.canonicalName,
        indicators: result.moved.indicatorOwners,
        tasks: result.moved.taskOwners,
        users: result.moved.users,
      }),
    );
    reload();
  };

  const columns: ColumnsType<Department> = [
    {
      key: 'name',
      title: t.name,
      render: (_v, d) => (
        <div>
          <Typography.Text strong>{d.canonicalName}</Typography.Text>{' '}
          {d.active ? null : <Tag>{t.inactive}</Tag>}
          {d.aliases.length > 0 ? (
            <div>
              <Typography.Text type="secondary">
                {format(t.aliases, { names: d.aliases.join('、') })}
              </Typography.Text>
            </div>
          ) : null}
          <div>
            <Typography.Text type="secondary">{format(t.usageShort, d.usage)}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'contact',
      title: t.contact,
      responsive: ['md'],
      render: (_v, d) =>
        d.contact === null ? (
          <Typography.Text type="secondary">{t.noContact}</Typography.Text>
        ) : (
          <div>
            <div>{d.contact.name}</div>
            <div>{d.contact.phone}</div>
            <div>{d.contact.email}</div>
          </div>
        ),
    },
    {
      key: 'actions',
      title: t.actions,
      render: (_v, d) => (
        <Space wrap size={4}>
          <Button
            size="small"
            onClick={() => {
              setDialog({ kind: 'edit', department: d });
            }}
            aria-label={`${t.edit} ${d.canonicalName}`}
          >
            {t.edit}
          </Button>
          <Button
            size="small"
            onClick={() => {
              setDialog({ kind: 'merge', department: d });
            }}
            aria-label={`${t.merge} ${d.canonicalName}`}
          >
            {t.merge}
          </Button>
          <Button
            size="small"
            onClick={() => void toggleActive(d)}
            aria-label={`${d.active ? t.deactivate : t.reactivate} ${d.canonicalName}`}
          >
            {d.active ? t.deactivate : t.reactivate}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <section aria-label={t.name}>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Button
          type="primary"
          onClick={() => {
            setDialog({ kind: 'add' });
          }}
          disabled={props.planId === null && all.length === 0}
        >
          {t.add}
        </Button>
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <Switch
            size="small"
            checked={showInactive}
            onChange={(on) => {
              setParams((p) => {
                if (on) p.set('inactive', '1');
                else p.delete('inactive');
                return p;
              });
            }}
          />
          {t.showInactive}
        </label>
      </Space>
      <ProblemAlert problem={error ?? problem} onRetry={reload} />
      <Table<Department>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => format(t.count, { n }) }}
        locale={{ emptyText: t.empty }}
      />
      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <DepartmentDialog
          department={dialog.kind === 'edit' ? dialog.department : null}
          planId={props.planId}
          regionCode={all[0]?.regionCode ?? null}
          onClose={(changed) => {
            setDialog(null);
            if (changed) {
              void message.success(t.saved);
              reload();
            }
          }}
        />
      ) : null}
      {dialog?.kind === 'merge' ? (
        <MergeDialog
          department={dialog.department}
          candidates={all}
          onClose={(result) => {
            closeMerge(result, dialog.department);
          }}
        />
      ) : null}
    </section>
  );
}
