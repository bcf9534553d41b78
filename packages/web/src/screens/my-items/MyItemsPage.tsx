import { Input, Segmented, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useUrlParams } from '../../app/use-url-params';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { EntryDrawer } from './EntryDrawer';
import { myItemsMessages } from './my-items.messages';
import type { MyOverviewItem, OwnedItems, PeriodItem } from '@plantrack/api';
import { OwnedItemsTable } from './OwnedItemsTable';
import { unscheduledItem } from './my-items.types';
import { OtherPeriodForm } from './OtherPeriodForm';
import { isTodo } from './period-state';
import { PeriodsTable, sortByUrgency } from './PeriodsTable';
import { TemplatePanel } from './TemplatePanel';
import { DepartmentSummaryLinks } from './department-summary/DepartmentSummaryLinks';
import { MyProjectsSection } from './projects/MyProjectsSection';

const NotificationList = lazy(() => import('../../components/notifications/NotificationList'));

type Opened = { kind: string; id: string; period: string };

/** The item the URL opens (`?kind=indicator&id=…&period=2026`), so a form can be linked to. */
function openedFrom(params: URLSearchParams): Opened | null {
  const kind = params.get('kind');
  const id = params.get('id');
  const period = params.get('period');
  return kind === null || id === null || period === null ? null : { kind, id, period };
}

/**
 * A department reporter's work: what the department owes with due dates, the form of each period
 * (value or progress, evidence, submit), notifications, and the Excel round trip.
 */
export default function MyItemsPage() {
  const t = useMessages(myItemsMessages);
  const [params, setParams] = useSearchParams();
  const periods = useApi<PeriodItem[]>('/api/my/periods');
  const owned = useApi<OwnedItems>('/api/my/items');
  const overview = useApi<MyOverviewItem[]>('/api/my/overview');
  // 待办/全部 and the search live in the address: back from an item or a reload keeps them.
  const [view, setView] = useUrlParams(['show', 'q'] as const);
  const show: 'todo' | 'all' = view.show === 'all' ? 'all' : 'todo';
  const search = view.q ?? '';
  const tab = params.get('tab') ?? 'items';
  const opened = openedFrom(params);

  const all = useMemo(() => sortByUrgency(periods.data ?? []), [periods.data]);
  const todo = all.filter(isTodo);
  const shown = (show === 'todo' ? todo : all).filter((i) => search === '' || i.name.includes(search.trim()));
  const names = useMemo(
    () =>
      new Map([
        ...(owned.data ?? []).flatMap((plan) => [
          ...plan.indicators.map((i): [string, string] => [i.id, i.name]),
          ...plan.tasks.map((task): [string, string] => [task.id, task.measure]),
        ]),
        ...all.map((i): [string, string] => [i.id, i.name]),
      ]),
    [all, owned.data],
  );
  const openedItem =
    opened === null
      ? null
      : (all.find((i) => i.kind === opened.kind && i.id === opened.id && i.period === opened.period) ??
        unscheduledItem(owned.data ?? [], opened.kind, opened.id, opened.period));
  const ownedCounts = (owned.data ?? []).reduce(
    (sum, plan) => ({
      indicators: sum.indicators + plan.indicators.length,
      tasks: sum.tasks + plan.tasks.length,
    }),
    { indicators: 0, tasks: 0 },
  );

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const open = (item: PeriodItem) => {
    update({ kind: item.kind, id: item.id, period: item.period });
  };
  const close = () => {
    update({ kind: null, id: null, period: null });
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <DepartmentSummaryLinks />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          update({ tab: key === 'items' ? null : key });
        }}
        items={[
          {
            key: 'items',
            label: t.tabItems,
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <ProblemAlert
                  problem={periods.error ?? owned.error ?? overview.error}
                  onRetry={periods.reload}
                />
                <Space wrap>
                  <Segmented<'todo' | 'all'>
                    aria-label={t.filterLabel}
                    value={show}
                    onChange={(next) => {
                      setView({ show: next === 'all' ? 'all' : null });
                    }}
                    options={[
                      { value: 'todo', label: format(t.countOf, { label: t.showTodo, n: todo.length }) },
                      { value: 'all', label: format(t.countOf, { label: t.showAll, n: all.length }) },
                    ]}
                  />
                  <Input.Search
                    aria-label={t.searchLabel}
                    placeholder={t.searchPlaceholder}
                    allowClear
                    value={search}
                    onChange={(event) => {
                      setView({ q: event.target.value });
                    }}
                    style={{ width: 260 }}
                  />
                </Space>
                {periods.data === undefined ? (
                  periods.error === undefined ? (
                    <PageLoading />
                  ) : null
                ) : (
                  <>
                    <Typography.Text role="status">
                      {format(t.summary, {
                        todo: todo.length,
                        overdue: todo.filter((i) => i.overdue).length,
                        returned: todo.filter((i) => i.state === 'returned').length,
                      })}
                    </Typography.Text>
                    <PeriodsTable
                      t={t}
                      items={shown}
                      emptyText={show === 'todo' ? t.emptyTodo : t.emptyAll}
                      onOpen={open}
                    />
                  </>
                )}
                <MyProjectsSection />
                {overview.data === undefined ? null : (
                  <OwnedItemsTable
                    tItems={t}
                    items={overview.data}
                    onOpen={(item, period) => {
                      update({ kind: item.kind, id: item.id, period });
                    }}
                  />
                )}
                {owned.data === undefined ? null : (
                  <>
                    <Typography.Text type="secondary">{format(t.owned, ownedCounts)}</Typography.Text>
                    <OtherPeriodForm
                      t={t}
                      owned={owned.data}
                      onOpen={(kind, id, period) => {
                        update({ kind, id, period });
                      }}
                    />
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'notifications',
            label: t.tabNotifications,
            children: (
              <Suspense fallback={<PageLoading />}>
                <NotificationList />
              </Suspense>
            ),
          },
          {
            key: 'excel',
            label: t.tabExcel,
            children: (
              <TemplatePanel
                onUploaded={() => {
                  periods.reload();
                  overview.reload();
                }}
                nameOf={(id) => names.get(id) ?? id}
              />
            ),
          },
        ]}
      />
      {opened !== null && periods.data !== undefined && owned.data !== undefined ? (
        <EntryDrawer
          item={openedItem}
          onClose={close}
          onSaved={() => {
            periods.reload();
            overview.reload();
          }}
        />
      ) : null}
    </>
  );
}
