import { Button, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useApi } from '../../../api/use-api';
import { useUrlParams } from '../../../app/use-url-params';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useLang, useMessages } from '../../../i18n/i18n';
import { UNSET_KEY, groupLabel, projectHref, stageLabel, wan } from '../project-format';
import { projectsMessages } from '../projects.messages';
import { ScrollRegion } from '../ScrollRegion';
import type { ProjectView, ProjectsDashboardView } from '@plantrack/api';

const STAGES = ['储备', '前期', '在建', '竣工', '后评价'] as const;
const FILTERS = ['stage', 'category', 'department', 'town', 'lagging'] as const;
type FilterKey = (typeof FILTERS)[number];

/** Group keys the dashboard found, as filter choices (the blank group cannot be asked for). */
function choices(groups: readonly { key: string }[] | undefined): { value: string; label: string }[] {
  return (groups ?? []).filter((g) => g.key !== UNSET_KEY).map((g) => ({ value: g.key, label: g.key }));
}

/**
 * The register's projects with filters kept in the address (stage, category, 责任单位, 镇街,
 * lagging); every row links to the project's page. The server applies the filters and narrows a
 * reporter's list to their department's projects.
 */
export function ProjectList({
  base,
  year,
  shownYear,
  groups,
}: {
  base: string;
  /** The year asked for in the address (null: the server's current year). */
  year: string | null;
  /** The year the dashboard shows, for the annual plan column. */
  shownYear: number | null;
  groups: ProjectsDashboardView | undefined;
}) {
  const t = useMessages(projectsMessages);
  const { lang } = useLang();
  const [filters, setFilters] = useUrlParams(FILTERS);
  const query = new URLSearchParams();
  for (const key of FILTERS) {
    const value = filters[key];
    if (value !== null) query.set(key, value);
  }
  if (year !== null) query.set('year', year);
  const list = useApi<{ items: ProjectView[] }>(
    `${base}${query.toString() === '' ? '' : `?${query.toString()}`}`,
  );
  const items = list.data?.items ?? [];
  const filtered = FILTERS.some((k) => filters[k] !== null);

  const select = (key: FilterKey, title: string, options: { value: string; label: string }[]) => (
    <Select<string>
      key={key}
      aria-label={title}
      prefix={`${title}：`}
      allowClear
      placeholder={t.all}
      value={filters[key] ?? undefined}
      onChange={(value) => {
        setFilters({ [key]: value ?? null });
      }}
      options={options}
      style={{ minWidth: 180, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <section aria-labelledby="projects-list">
      <Typography.Title level={2} id="projects-list" style={{ fontSize: 18 }}>
        {t.list}
      </Typography.Title>
      <section aria-label={t.filters} style={{ marginBottom: 12 }}>
        <Space wrap>
          {select(
            'stage',
            t.stage,
            STAGES.map((s) => ({ value: s, label: stageLabel(t, s) })),
          )}
          {select('category', t.category, choices(groups?.byCategory))}
          {select('department', t.leadUnit, choices(groups?.byDepartment))}
          {select('town', t.town, choices(groups?.byTown))}
          {select('lagging', t.lagging, [
            { value: 'true', label: t.laggingOnly },
            { value: 'false', label: t.notLagging },
          ])}
          {filtered ? (
            <Button
              onClick={() => {
                setFilters(Object.fromEntries(FILTERS.map((k) => [k, null])));
              }}
            >
              {t.clearFilters}
            </Button>
          ) : null}
        </Space>
      </section>
      <ProblemAlert problem={list.error} onRetry={list.reload} />
      <ScrollRegion label={t.list}>
        <Table<ProjectView>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={items}
          caption={format(t.listCaption, { n: items.length })}
          locale={{ emptyText: t.listEmpty }}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            { title: t.name, key: 'name', render: (_, p) => <Link to={projectHref(p.id)}>{p.name}</Link> },
            { title: t.stage, key: 'stage', render: (_, p) => stageLabel(t, p.stage) },
            {
              title: t.code,
              key: 'code',
              responsive: ['lg'],
              render: (_, p) => p.code ?? t.noCode,
            },
            {
              title: t.category,
              key: 'category',
              responsive: ['md'],
              render: (_, p) => groupLabel(p.category, t.unassigned),
            },
            {
              title: t.leadUnit,
              key: 'leadUnit',
              responsive: ['md'],
              render: (_, p) => groupLabel(p.leadUnit, t.unassigned),
            },
            {
              title: t.town,
              key: 'town',
              responsive: ['md'],
              render: (_, p) => groupLabel(p.place, t.unassigned),
            },
            {
              title: t.totalWan,
              key: 'total',
              align: 'right',
              responsive: ['sm'],
              render: (_, p) => wan(p.totalWan, lang),
            },
            {
              title: t.annualPlan,
              key: 'annual',
              align: 'right',
              render: (_, p) => wan(p.annualPlans.find((a) => a.year === shownYear)?.planWan ?? null, lang),
            },
          ]}
        />
      </ScrollRegion>
    </section>
  );
}
