import { Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { format, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import type { Dashboard, TaskProgressStatus as TaskStatus } from '@plantrack/api';

export const TASK_STATUSES: readonly TaskStatus[] = [
  'completed',
  'in_progress',
  'not_started',
  'delayed',
  'not_reported',
  'awaiting',
];

export const TASK_COLORS: Readonly<Record<TaskStatus, string>> = {
  completed: '#1b5e20',
  in_progress: '#1565c0',
  not_started: '#595959',
  delayed: '#b71c1c',
  not_reported: '#b45309',
  awaiting: '#595959',
};

type TaskRow = Dashboard['tasks']['items'][number];

/** Tasks by progress: counts as toggles, then the tasks of the chosen progress with their leads. */
export function TasksPanel({
  tasks,
  departmentName,
}: {
  tasks: Dashboard['tasks'];
  departmentName: (id: string) => string;
}) {
  const t = useMessages(dashboardMessages);
  const [shown, setShown] = useState<TaskStatus | null>(null);
  const label = (s: TaskStatus) => t[`task_${s}`];
  const rows = shown === null ? tasks.items : tasks.items.filter((i) => i.status === shown);
  if (tasks.items.length === 0) return <Typography.Text type="secondary">{t.tasksEmpty}</Typography.Text>;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{format(t.tasksTotal, { n: tasks.items.length })}</Typography.Text>
        {TASK_STATUSES.map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={shown === s}
            onChange={(checked) => {
              setShown(checked ? s : null);
            }}
            style={{ border: `1px solid ${TASK_COLORS[s]}` }}
          >
            {label(s)} {tasks.counts[s]}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Table<TaskRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t.taskMeasure, dataIndex: 'measure' },
          {
            title: t.taskStatus,
            render: (_, r) => <Tag color={TASK_COLORS[r.status]}>{label(r.status)}</Tag>,
          },
          { title: t.taskPeriod, render: (_, r) => r.period ?? '—' },
          { title: t.taskOwners, render: (_, r) => r.departmentIds.map(departmentName).join('、') || '—' },
        ]}
      />
    </>
  );
}
