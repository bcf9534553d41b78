import { Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/EChart';
import { format, useLang, useMessages } from '../../../i18n/i18n';
import { monthsReported, rate, wan } from '../project-format';
import { ScrollRegion } from '../ScrollRegion';
import { type ProjectsText, projectsMessages } from '../projects.messages';
import type { ProjectsDashboardView } from '@plantrack/api';

type Month = ProjectsDashboardView['byMonth'][number];

/**
 * Investment completed (年初至今, approved reports) against the plan prorated by month: a lazy bar
 * chart for the eye and the same numbers as a table for everyone. Months after the as-of date have
 * no completed figure yet and show a dash rather than zero.
 */
export function MonthChart({ data }: { data: ProjectsDashboardView }) {
  const t = useMessages(projectsMessages);
  const { lang } = useLang();
  const reported = monthsReported(data.year, data.asOf);
  const option = useMemo(() => chartOption(data.byMonth, reported, t), [data.byMonth, reported, t]);
  return (
    <>
      <EChart option={option} label={format(t.byMonthChart, { year: data.year })} height={280} />
      <ScrollRegion label={format(t.byMonthCaption, { year: data.year })}>
        <Table<Month>
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={data.byMonth}
          caption={format(t.byMonthCaption, { year: data.year })}
          columns={[
            { title: t.month, key: 'month', render: (_, m) => format(t.monthLabel, { month: m.month }) },
            { title: t.planWan, key: 'plan', align: 'right', render: (_, m) => wan(m.planWan, lang) },
            {
              title: t.completedWan,
              key: 'completed',
              align: 'right',
              render: (_, m) => (m.month <= reported ? wan(m.completedWan, lang) : t.none),
            },
            {
              title: t.rate,
              key: 'rate',
              align: 'right',
              render: (_, m) => (m.month <= reported ? rate(m.completedWan, m.planWan) : t.none),
            },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

function chartOption(months: readonly Month[], reported: number, t: ProjectsText): EChartsCoreOption {
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 64, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: months.map((m) => format(t.monthLabel, { month: m.month })) },
    yAxis: { type: 'value', name: t.unitWan },
    series: [
      { type: 'bar', name: t.planWan, data: months.map((m) => m.planWan), itemStyle: { color: '#8c8c8c' } },
      {
        type: 'bar',
        name: t.completedWan,
        data: months.map((m) => (m.month <= reported ? m.completedWan : null)),
        itemStyle: { color: '#1565c0' },
      },
    ],
  };
}
