import { Empty, Typography } from 'antd';
import type { PublicReport } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { ReportDownloads } from './ReportDownloads';
import { kindLabel } from './report-labels';
import { reportsMessages } from './reports.messages';

/** The published reports of a published plan, each with its downloads (no sign-in). */
export function PublicReports({ planId }: { planId: string }) {
  const t = useMessages(reportsMessages);
  const reports = useApi<PublicReport[]>(`/api/public/plans/${encodeURIComponent(planId)}/reports`);
  const list = reports.data ?? [];
  return (
    <section aria-labelledby="public-reports">
      <Typography.Title level={2} id="public-reports" style={{ fontSize: 18 }}>
        {t.publicTitle}
      </Typography.Title>
      <ProblemAlert problem={reports.error} onRetry={reports.reload} />
      {reports.data !== undefined && list.length === 0 ? (
        <Empty description={t.publicNone} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : null}
      {list.length === 0 ? null : (
        <ul aria-label={t.publicTitle} className="pt-report-list">
          {list.map((r) => (
            <li key={r.id}>
              <Typography.Text strong style={{ display: 'block' }}>
                {r.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                {kindLabel(t, r.kind)} · {format(t.publishedOn, { date: r.publishedAt.slice(0, 10) })}
              </Typography.Text>
              <ReportDownloads id={r.id} publicRoute />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
