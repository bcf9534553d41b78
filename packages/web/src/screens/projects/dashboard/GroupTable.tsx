import { Table } from 'antd';
import { useLang, useMessages } from '../../../i18n/i18n';
import { groupLabel, rate, wan } from '../project-format';
import { ScrollRegion } from '../ScrollRegion';
import { projectsMessages } from '../projects.messages';
import type { ProjectsDashboardView } from '@plantrack/api';

type Group = ProjectsDashboardView['byCategory'][number];

/** Projects, plan and completed investment of one grouping (category, 责任单位 or 镇街). */
export function GroupTable({
  caption,
  keyTitle,
  groups,
}: {
  caption: string;
  keyTitle: string;
  groups: readonly Group[];
}) {
  const t = useMessages(projectsMessages);
  const { lang } = useLang();
  return (
    <ScrollRegion label={caption}>
      <Table<Group>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={[...groups]}
        caption={caption}
        columns={[
          { title: keyTitle, key: 'key', render: (_, g) => groupLabel(g.key, t.unassigned) },
          { title: t.projects, dataIndex: 'projects', align: 'right' },
          { title: t.planWan, key: 'plan', align: 'right', render: (_, g) => wan(g.planWan, lang) },
          {
            title: t.completedWan,
            key: 'completed',
            align: 'right',
            render: (_, g) => wan(g.completedWan, lang),
          },
          { title: t.rate, key: 'rate', align: 'right', render: (_, g) => rate(g.completedWan, g.planWan) },
        ]}
      />
    </ScrollRegion>
  );
}
