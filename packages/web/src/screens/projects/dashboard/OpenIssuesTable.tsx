import { Empty, Table } from 'antd';
import { useMessages } from '../../../i18n/i18n';
import { groupLabel } from '../project-format';
import { projectsMessages } from '../projects.messages';
import type { ProjectsDashboardView } from '@plantrack/api';

type Row = ProjectsDashboardView['openIssuesByDepartment'][number];

/** Open issues (存在问题/需协调事项) by the department asked to act, and how many are past due. */
export function OpenIssuesTable({ rows }: { rows: readonly Row[] }) {
  const t = useMessages(projectsMessages);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.openIssuesNone} />;
  return (
    <Table<Row>
      size="small"
      rowKey="department"
      pagination={false}
      dataSource={[...rows]}
      caption={t.openIssues}
      columns={[
        { title: t.department, key: 'department', render: (_, r) => groupLabel(r.department, t.unassigned) },
        { title: t.open, dataIndex: 'open', align: 'right' },
        { title: t.overdue, dataIndex: 'overdue', align: 'right' },
      ]}
    />
  );
}
