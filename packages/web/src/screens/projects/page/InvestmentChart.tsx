import { Table, Typography } from 'antd';
import type { ProjectDetailView } from '@plantrack/api';
import { EChart } from '../../../components/charts/EChart';
import { format, useMessages } from '../../../i18n/i18n';
import { type InvestmentRow as Row, monthlyInvestment } from './investment-series';
import { monthKey, wan } from './project-labels';
import { projectPageMessages } from './project-page.messages';

/**
 * The year's investment against plan as a chart, an image for screen readers, with the table of
 * the same figures under it.
 */
export function InvestmentChart({ project }: { project: ProjectDetailView }) {
  const t = useMessages(projectPageMessages);
  const years = project.reports.map((r) => r.year);
  const year = years.length === 0 ? project.status.year : Math.max(...years);
  const rows = monthlyInvestment(project, year);
  const hasPlan = rows.some((r) => r.planCum !== null);
  const label = format(t.investmentChart, { year });
  return (
    <section aria-labelledby="project-investment">
      <Typography.Title level={2} id="project-investment" style={{ fontSize: 18 }}>
        {format(t.investment, { year })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {hasPlan ? t.investmentHint : t.noAnnualPlan}
      </Typography.Paragraph>
      <EChart
        label={label}
        height={260}
        option={{
          aria: { enabled: true },
          tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [t.seriesPlan, t.seriesDone] },
          grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
          xAxis: { type: 'category', data: rows.map((r) => String(r.month)) },
          yAxis: { type: 'value' },
          series: [
            {
              name: t.seriesPlan,
              type: 'line',
              data: rows.map((r) => r.planCum),
              lineStyle: { type: 'dashed' },
            },
            { name: t.seriesDone, type: 'line', data: rows.map((r) => r.doneCum) },
          ],
        }}
      />
      <Table<Row>
        size="small"
        rowKey="month"
        pagination={false}
        caption={label}
        dataSource={rows}
        columns={[
          { key: 'month', title: t.colMonth, render: (_, r) => monthKey(year, r.month) },
          {
            key: 'plan',
            title: t.colPlanCum,
            align: 'right',
            render: (_, r) => (r.planCum === null ? '—' : wan(r.planCum)),
          },
          {
            key: 'done',
            title: t.colDoneCum,
            align: 'right',
            render: (_, r) => (r.doneCum === null ? '—' : wan(r.doneCum)),
          },
        ]}
      />
    </section>
  );
}
