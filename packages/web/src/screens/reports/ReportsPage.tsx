import { Space, Typography } from 'antd';
import type { Report } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { usePlan } from '../../app/plan-context';
import { hasAnyRole, useUser } from '../../auth/auth';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { NewReportForm } from './NewReportForm';
import { ReportList } from './ReportList';
import { reportsMessages } from './reports.messages';

/**
 * 报告: the reports of the plan. The office generates new ones; a leader finds those awaiting
 * approval first. Each report opens on its own page (preview, sections, approval, downloads).
 */
export default function ReportsPage() {
  const t = useMessages(reportsMessages);
  const user = useUser();
  const { planId } = usePlan();
  const reports = useApi<Report[]>(
    planId === null ? null : `/api/plans/${encodeURIComponent(planId)}/reports`,
  );
  const office = hasAnyRole(user, ['planning_office', 'administrator']);
  const leader = hasAnyRole(user, ['leader']);
  const list = reports.data ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 8 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      </header>
      {planId === null ? <Typography.Paragraph>{t.noPlan}</Typography.Paragraph> : null}
      {office && planId !== null ? <NewReportForm planId={planId} /> : null}
      <ProblemAlert problem={reports.error} onRetry={reports.reload} />
      {reports.loading && reports.data === undefined ? <PageLoading /> : null}
      {reports.data === undefined ? null : (
        <>
          {leader ? (
            <section aria-labelledby="reports-awaiting">
              <Typography.Title level={2} id="reports-awaiting" style={{ fontSize: 18 }}>
                {t.awaiting}
              </Typography.Title>
              <ReportList
                label={t.awaiting}
                reports={list.filter((r) => r.status === 'in_review')}
                empty={t.awaitingNone}
              />
            </section>
          ) : null}
          <section aria-labelledby="reports-all">
            <Typography.Title level={2} id="reports-all" style={{ fontSize: 18 }}>
              {t.all}
            </Typography.Title>
            <ReportList label={t.all} reports={list} empty={t.none} />
          </section>
        </>
      )}
    </Space>
  );
}
