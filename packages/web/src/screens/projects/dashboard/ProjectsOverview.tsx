import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useApi } from '../../../api/use-api';
import { useUrlParams } from '../../../app/use-url-params';
import { PageLoading } from '../../../components/PageLoading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useLang, useMessages } from '../../../i18n/i18n';
import { rate, wan } from '../project-format';
import { projectsMessages } from '../projects.messages';
import { FlaggedProjects } from './FlaggedProjects';
import { GroupTable } from './GroupTable';
import { MonthChart } from './MonthChart';
import { OpenIssuesTable } from './OpenIssuesTable';
import { ProjectList } from './ProjectList';
import type { ProjectsDashboardView } from '@plantrack/api';

/** Years offered: a few back and the next, around this year and the year shown. */
function yearOptions(shown: number | undefined): number[] {
  const now = new Date().getFullYear();
  const years = new Set<number>();
  for (let y = now - 4; y <= now + 1; y += 1) years.add(y);
  if (shown !== undefined) years.add(shown);
  return [...years].sort((a, b) => b - a);
}

const cardTitle = (text: string, id: string) => (
  <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </h2>
);

/**
 * The projects dashboard of one year (`?year=` in the address; the server's current year without
 * it) and, below it, the project list with its filters. A department reporter's answers are
 * already narrowed to the projects their department leads.
 */
export function ProjectsOverview({ planId }: { planId: string }) {
  const t = useMessages(projectsMessages);
  const { lang } = useLang();
  const [params, setParams] = useUrlParams(['year'] as const);
  const year = params.year !== null && /^\d{4}$/.test(params.year) ? params.year : null;
  const base = `/api/plans/${encodeURIComponent(planId)}/projects`;
  const board = useApi<ProjectsDashboardView>(`${base}/dashboard${year === null ? '' : `?year=${year}`}`);
  const data = board.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Select<number>
          aria-label={t.year}
          prefix={`${t.year}：`}
          value={data?.year ?? (year === null ? undefined : Number(year))}
          onChange={(value) => {
            setParams({ year: String(value) });
          }}
          options={yearOptions(data?.year).map((y) => ({
            value: y,
            label: format(t.yearOption, { year: y }),
          }))}
          style={{ minWidth: 140 }}
        />
        {data === undefined ? null : (
          <Typography.Text type="secondary">
            {format(t.asOf, { date: data.asOf, year: data.year, points: data.lagThresholdPoints })}
          </Typography.Text>
        )}
      </Space>
      <ProblemAlert problem={board.error} onRetry={board.reload} />
      {data === undefined ? (
        board.error === undefined ? (
          <PageLoading />
        ) : null
      ) : (
        <>
          <section aria-labelledby="projects-totals">
            <Typography.Title level={2} id="projects-totals" style={{ fontSize: 18 }}>
              {t.totals}
            </Typography.Title>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic title={t.totalProjects} value={data.projects} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t.totalPlan} value={wan(data.planWan, lang)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t.totalCompleted} value={wan(data.completedWan, lang)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t.totalRate} value={rate(data.completedWan, data.planWan)} />
              </Col>
            </Row>
          </section>
          <Card title={cardTitle(t.byMonth, 'projects-by-month')} size="small">
            <MonthChart data={data} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={cardTitle(t.flagged, 'projects-flagged')} size="small">
                <FlaggedProjects flagged={data.flagged} total={data.flaggedTotal} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={cardTitle(t.openIssues, 'projects-issues')} size="small">
                <OpenIssuesTable rows={data.openIssuesByDepartment} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={8}>
              <GroupTable caption={t.byCategory} keyTitle={t.groupCategory} groups={data.byCategory} />
            </Col>
            <Col xs={24} xl={8}>
              <GroupTable caption={t.byDepartment} keyTitle={t.groupDepartment} groups={data.byDepartment} />
            </Col>
            <Col xs={24} xl={8}>
              <GroupTable caption={t.byTown} keyTitle={t.groupTown} groups={data.byTown} />
            </Col>
          </Row>
        </>
      )}
      <ProjectList base={base} year={year} shownYear={data?.year ?? null} groups={data} />
    </Space>
  );
}
