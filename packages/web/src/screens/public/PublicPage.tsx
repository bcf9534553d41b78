import { Empty, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { CardGrid } from '../dashboard/CardGrid';
import type { Dashboard, PublicPlan } from '@plantrack/api';
import { PublicReports } from '../reports/PublicReports';
import { Downloads } from './Downloads';
import { PublicProjects } from './PublicProjects';
import { PublicStory } from './PublicStory';
import { publicMessages } from './public.messages';

/**
 * The public view, no sign-in: published indicators only. It tells the story first (how many are
 * on track, behind, undecided), then shows the cards, then offers the data for download.
 */
export default function PublicPage() {
  const t = useMessages(publicMessages);
  const [params, setParams] = useSearchParams();
  const plans = useApi<PublicPlan[]>('/api/public/plans');
  const list = plans.data ?? [];
  const chosen = params.get('plan');
  const planId = list.some((p) => p.id === chosen) ? chosen : (list[0]?.id ?? null);
  const dashboard = useApi<Dashboard>(
    planId === null ? null : `/api/public/plans/${encodeURIComponent(planId)}/dashboard`,
  );

  if (plans.data === undefined) {
    return plans.error !== undefined ? (
      <ProblemAlert problem={plans.error} onRetry={plans.reload} />
    ) : (
      <PageLoading />
    );
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 8 }}>
          {dashboard.data?.plan.title ?? t.title}
        </Typography.Title>
        {list.length > 1 && planId !== null ? (
          <Select
            aria-label={t.plan}
            prefix={`${t.plan}：`}
            value={planId}
            onChange={(id) => {
              setParams({ plan: id });
            }}
            options={list.map((p) => ({ value: p.id, label: p.title }))}
            style={{ minWidth: 320 }}
          />
        ) : null}
        {dashboard.data === undefined ? null : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {dashboard.data.plan.region === null
              ? format(t.introNoRegion, { date: dashboard.data.asOf })
              : format(t.intro, { region: dashboard.data.plan.region, date: dashboard.data.asOf })}{' '}
            {t.method}
          </Typography.Paragraph>
        )}
      </header>
      {planId === null ? <Empty description={t.noPublic} /> : null}
      <ProblemAlert problem={dashboard.error} onRetry={dashboard.reload} />
      {planId !== null && dashboard.data === undefined && dashboard.error === undefined ? (
        <PageLoading />
      ) : null}
      {dashboard.data === undefined ? null : (
        <>
          <PublicStory data={dashboard.data} />
          <section aria-labelledby="public-cards">
            <Typography.Title level={2} id="public-cards" style={{ fontSize: 18 }}>
              {t.cardsTitle}
            </Typography.Title>
            <CardGrid
              cards={dashboard.data.cards}
              hrefOf={(c) => `/public/indicators/${c.id}`}
              emptyText={t.noPublic}
            />
          </section>
          <PublicProjects planId={dashboard.data.plan.id} />
          <PublicReports planId={dashboard.data.plan.id} />
          <Downloads planId={dashboard.data.plan.id} />
        </>
      )}
    </Space>
  );
}
