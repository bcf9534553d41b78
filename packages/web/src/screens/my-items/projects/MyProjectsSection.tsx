import { Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { usePlan } from '../../../app/plan-context';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { myProjectsMessages } from './my-projects.messages';
import type { ProjectDetailView, ProjectView } from '@plantrack/api';

type ReportStatus = ProjectDetailView['reports'][number]['status'];
/** null while loading; undefined when the project could not be read. */
type Row = ProjectView & { status: ReportStatus | 'missing' | null | undefined };

/** Colours dark enough for white text. */
const STATUS_COLORS: Readonly<Record<ReportStatus | 'missing', string>> = {
  missing: '#b45309',
  draft: '#595959',
  submitted: '#1565c0',
  approved: '#1b5e20',
  returned: '#b71c1c',
};

/** The month a monthly project report is owed for: the month just ended. */
function monthOwed(today: Date): { year: number; month: number } {
  const month = today.getMonth(); // 0-based: the previous month's 1-based number
  return month === 0 ? { year: today.getFullYear() - 1, month: 12 } : { year: today.getFullYear(), month };
}

/** The status of the latest revision of one month's report, or 'missing'. */
function statusOf(
  detail: ProjectDetailView,
  owed: { year: number; month: number },
): ReportStatus | 'missing' {
  const revisions = detail.reports.filter((r) => r.year === owed.year && r.month === owed.month);
  const latest = revisions.reduce<(typeof revisions)[number] | undefined>(
    (best, r) => (best === undefined || r.revisionNo > best.revisionNo ? r : best),
    undefined,
  );
  return latest?.status ?? 'missing';
}

/**
 * The projects the reporter's department leads (the list API returns only those to a reporter),
 * the month owed and how far its report is. Hidden when the department leads no project.
 */
export function MyProjectsSection() {
  const t = useMessages(myProjectsMessages);
  const { planId } = usePlan();
  const list = useApi<{ items: ProjectView[] }>(
    planId === null ? null : `/api/plans/${encodeURIComponent(planId)}/projects`,
  );
  const owed = monthOwed(new Date());
  // null until every project's reports are in.
  const [statuses, setStatuses] = useState<Map<string, ReportStatus | 'missing'> | null>(null);
  const items = list.data?.items;

  useEffect(() => {
    if (items === undefined || items.length === 0) return;
    const controller = new AbortController();
    const when = monthOwed(new Date());
    void Promise.all(
      items.map((p) =>
        api<ProjectDetailView>(`/api/projects/${encodeURIComponent(p.id)}`, {
          signal: controller.signal,
        }).then(
          (d) => [p.id, statusOf(d, when)] as const,
          () => null,
        ),
      ),
    ).then((found) => {
      if (!controller.signal.aborted) setStatuses(new Map(found.filter((f) => f !== null)));
    });
    return () => {
      controller.abort();
    };
  }, [items]);

  if (list.error !== undefined) return <ProblemAlert problem={list.error} onRetry={list.reload} />;
  if (items === undefined || items.length === 0) return null;
  const rows: Row[] = items.map((p) => ({ ...p, status: statuses === null ? null : statuses.get(p.id) }));
  return (
    <section aria-labelledby="my-projects-heading">
      <Typography.Title level={2} id="my-projects-heading" style={{ fontSize: 18 }}>
        {t.heading}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t.intro} <Link to="/projects">{t.allProjects}</Link>
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        aria-label={t.table}
        columns={[
          {
            title: t.name,
            key: 'name',
            render: (_, p) => <Link to={`/projects/${encodeURIComponent(p.id)}`}>{p.name}</Link>,
          },
          { title: t.month, key: 'month', render: () => format(t.monthText, owed) },
          {
            title: t.status,
            key: 'status',
            render: (_, p) =>
              p.status === null ? (
                t.loadingStatus
              ) : p.status === undefined ? (
                '—'
              ) : (
                <Tag color={STATUS_COLORS[p.status]}>{t[p.status]}</Tag>
              ),
          },
        ]}
      />
    </section>
  );
}
