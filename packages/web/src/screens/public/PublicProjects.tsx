import { Empty, Table, Typography } from 'antd';
import type { PublicProjectView } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useLang, useMessages } from '../../i18n/i18n';
import { groupLabel, stageLabel, wan } from '../projects/project-format';
import { projectsMessages } from '../projects/projects.messages';
import { ScrollRegion } from '../projects/ScrollRegion';
import { publicMessages } from './public.messages';

/** 建设起止年限 as one span, or what is known of it. */
function years(p: PublicProjectView): string {
  if (p.startYear === null && p.endYear === null) return '—';
  return `${p.startYear ?? '…'}–${p.endYear ?? '…'}`;
}

/**
 * The published major projects of a published plan (no sign-in): the server returns only the
 * projects the office published, with their published fields; this shows seven of them.
 */
export function PublicProjects({ planId }: { planId: string }) {
  const t = useMessages(publicMessages);
  const p = useMessages(projectsMessages);
  const { lang } = useLang();
  const list = useApi<{ items: PublicProjectView[] }>(
    `/api/public/plans/${encodeURIComponent(planId)}/projects`,
  );
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="public-projects">
      <Typography.Title level={2} id="public-projects" style={{ fontSize: 18 }}>
        {t.projectsTitle}
      </Typography.Title>
      <ProblemAlert problem={list.error} onRetry={list.reload} />
      {list.data !== undefined && items.length === 0 ? (
        <Empty description={t.projectsNone} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : null}
      {items.length === 0 ? null : (
        <ScrollRegion label={t.projectsTitle}>
          <Table<PublicProjectView>
            size="small"
            rowKey="id"
            dataSource={items}
            caption={format(t.projectsCaption, { n: items.length })}
            pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            columns={[
              { title: p.name, key: 'name', render: (_, r) => r.name },
              {
                title: p.category,
                key: 'category',
                render: (_, r) => groupLabel(r.category, p.unassigned),
              },
              { title: p.town, key: 'place', render: (_, r) => groupLabel(r.place, p.unassigned) },
              {
                title: p.totalWan,
                key: 'total',
                align: 'right',
                render: (_, r) => wan(r.totalWan, lang),
              },
              { title: t.projectsYears, key: 'years', render: (_, r) => years(r) },
              {
                title: p.leadUnit,
                key: 'leadUnit',
                render: (_, r) => groupLabel(r.leadUnit, p.unassigned),
              },
              { title: p.stage, key: 'stage', render: (_, r) => stageLabel(p, r.stage) },
            ]}
          />
        </ScrollRegion>
      )}
    </section>
  );
}
