import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Page, Task } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CurationText } from './curation.messages';

/** The tasks ingestion found with the departments their clause names (由…牵头). */
export function TasksPanel({ planId, t }: { planId: string; t: CurationText }) {
  const { data, error, loading, reload } = useApi<Page<Task>>(`/api/plans/${planId}/tasks?pageSize=200`);
  const names = (task: Task, role: 'lead' | 'co_lead') =>
    task.owners.filter((o) => o.role === role).map((o) => <Tag key={o.departmentId}>{o.name}</Tag>);
  return (
    <>
      <ProblemAlert problem={error} onRetry={reload} />
      <Table<Task>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        columns={[
          { title: t.measure, dataIndex: 'measure' },
          { title: t.clause, dataIndex: 'clause' },
          { title: t.leads, render: (_, task) => names(task, 'lead') },
          { title: t.coLeads, render: (_, task) => names(task, 'co_lead') },
          {
            title: t.source,
            render: (_, task) => (
              <Link to={`/plan?node=${encodeURIComponent(task.nodeKey)}`}>{t.openInReader}</Link>
            ),
          },
        ]}
      />
    </>
  );
}
