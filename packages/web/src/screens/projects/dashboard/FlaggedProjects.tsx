import { Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { format, useBilingual, useMessages } from '../../../i18n/i18n';
import { groupLabel, projectHref } from '../project-format';
import { ScrollRegion } from '../ScrollRegion';
import { projectsMessages } from '../projects.messages';
import type { ProjectsDashboardView } from '@plantrack/api';

type Flagged = ProjectsDashboardView['flagged'][number];

/** Colours dark enough for white text: amber for 滞后, red for 需协调. */
const HEALTH_COLORS: Readonly<Record<Flagged['health'], string>> = {
  正常: '#1565c0',
  滞后: '#b45309',
  需协调: '#b71c1c',
};

/**
 * Projects the status rules flag (滞后/需协调), each with its reasons and a link to its page; the
 * furthest behind first. When more are flagged than the dashboard names, a link opens them all in
 * the list.
 */
export function FlaggedProjects({ flagged, total }: { flagged: readonly Flagged[]; total: number }) {
  const t = useMessages(projectsMessages);
  const pick = useBilingual();
  if (flagged.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.flaggedNone} />;
  return (
    <ScrollRegion label={t.flagged}>
      {total > flagged.length ? (
        <Typography.Paragraph>
          {format(t.flaggedMore, { shown: flagged.length, total })}{' '}
          <Link to="/projects?lagging=true">{t.flaggedAll}</Link>
        </Typography.Paragraph>
      ) : null}
      <Table<Flagged>
        size="small"
        rowKey="projectId"
        pagination={false}
        dataSource={[...flagged]}
        aria-label={t.flagged}
        columns={[
          {
            title: t.name,
            key: 'name',
            render: (_, f) => <Link to={projectHref(f.projectId)}>{f.name}</Link>,
          },
          {
            title: t.leadUnit,
            key: 'leadUnit',
            responsive: ['md'],
            render: (_, f) => groupLabel(f.leadUnit, t.unassigned),
          },
          {
            title: t.health,
            key: 'health',
            render: (_, f) => <Tag color={HEALTH_COLORS[f.health]}>{t[`health${f.health}`]}</Tag>,
          },
          {
            title: t.reasons,
            key: 'reasons',
            render: (_, f) => (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {f.reasons.map((r) => (
                  <li key={r.zh}>{pick(r)}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </ScrollRegion>
  );
}
