import { Empty, Space, Typography } from 'antd';
import { Suspense, lazy, useMemo } from 'react';
import { usePlan } from '../../app/plan-context';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { AfterFirstPaint } from '../../components/AfterFirstPaint';
import { CardGrid } from './CardGrid';
import { DashboardFilters } from './DashboardFilters';
import { StatusSummary } from './StatusSummary';
import { distinct, filterCards } from './card-filters';
import { dashboardMessages } from './dashboard.messages';
import { useUrlFilters } from './use-url-filters';
import type { Dashboard, DashboardCard } from '@plantrack/api';

// The panels below the cards (tables, lists) and their code come after the first paint.
const DashboardPanels = lazy(() => import('./DashboardPanels').then((m) => ({ default: m.DashboardPanels })));

/**
 * The leader / planning-office dashboard. Everything comes from ONE request
 * (`GET /api/plans/{planId}/dashboard`); filtering happens in the browser, so the page costs three
 * requests in all with /api/me and /api/plans.
 */
export default function DashboardPage() {
  const t = useMessages(dashboardMessages);
  const { planId, plans } = usePlan();
  const { data, error, loading, reload } = useApi<Dashboard>(
    planId === null ? null : `/api/plans/${encodeURIComponent(planId)}/dashboard`,
  );
  if (planId === null) {
    return plans.length === 0 && !loading ? <Empty description={t.noPlan} /> : <PageLoading />;
  }
  if (data === undefined) {
    return error !== undefined ? <ProblemAlert problem={error} onRetry={reload} /> : <PageLoading />;
  }
  return (
    <>
      <ProblemAlert problem={error} onRetry={reload} />
      <DashboardView data={data} />
    </>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  const t = useMessages(dashboardMessages);
  const pick = useBilingual();
  const [filters, setFilters] = useUrlFilters();

  const departmentNames = useMemo(() => new Map(data.departments.map((d) => [d.id, d.name])), [data]);
  const departmentName = (id: string) => departmentNames.get(id) ?? id;
  const ownerNamesOf = (card: DashboardCard) => card.departmentIds.map(departmentName);
  const cards = filterCards(data.cards, filters);
  const phase = data.rollups.phase.find((p) => p.key === filters.phase) ?? null;
  const bindingTotal = data.cards.filter((c) => c.binding).length;
  const summaryCaption = [
    phase === null ? null : format(t.phaseSummary, { phase: phase.key, year: phase.asOf }),
    format(t.indicatorsTotal, { n: data.cards.length }),
    format(t.bindingTotal, { n: bindingTotal }),
    format(t.warnings, { n: data.warnings }),
  ]
    .filter((s) => s !== null)
    .join(' · ');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {t.title} · {data.plan.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {format(t.asOf, { date: data.asOf, year: data.assessedYear, version: data.plan.versionNo })} ·{' '}
          {data.thresholds.source === 'plan'
            ? format(t.thresholdsPlan, { id: data.thresholds.id })
            : t.thresholdsDefault}
        </Typography.Text>
      </header>

      <StatusSummary
        counts={phase?.counts ?? data.counts}
        caption={summaryCaption}
        selected={filters.status}
        onSelect={(status) => {
          setFilters({ ...filters, status });
        }}
      />

      <DashboardFilters
        filters={filters}
        onChange={setFilters}
        groups={distinct(data.cards.map((c) => c.group))}
        chapters={distinct(data.cards.map((c) => c.chapter))}
        departments={data.departments.map((d) => ({ value: d.id, label: d.name }))}
        phases={data.rollups.phase.map((p) => ({ value: p.key, label: p.key }))}
        assessedYear={data.assessedYear}
      />

      <section aria-labelledby="dashboard-cards">
        <Typography.Title level={2} id="dashboard-cards" style={{ fontSize: 18 }}>
          {t.cards}
        </Typography.Title>
        <Typography.Paragraph type="secondary" role="status" aria-live="polite">
          {format(t.showing, { shown: cards.length, total: data.cards.length })}
        </Typography.Paragraph>
        <CardGrid cards={cards} hrefOf={(c) => `/indicators/${c.id}`} ownerNamesOf={ownerNamesOf} />
      </section>

      <AfterFirstPaint placeholder={<PageLoading />}>
        <Suspense fallback={<PageLoading />}>
          <DashboardPanels data={data} departmentName={departmentName} ownerNamesOf={ownerNamesOf} />
        </Suspense>
      </AfterFirstPaint>

      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.rollupRule}：{pick(data.rollups.rule)}
      </Typography.Paragraph>
    </Space>
  );
}
