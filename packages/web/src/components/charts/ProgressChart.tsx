import { Empty, Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { format, useMessages } from '../../i18n/i18n';
import { EChart } from './EChart';
import { progressChartMessages } from './progress-chart.messages';

type Point = readonly [number, number];

export type ProgressSeries = {
  name: string;
  unit: string | null;
  /** Approved values used by the assessment, baseline first. */
  observed: readonly Point[];
  expectedPath: readonly Point[];
  target: { year: number; value: number } | null;
  /** The reference series of a relative target (e.g. the city average). */
  reference: { name: string; points: readonly Point[] } | null;
  /** Colour of the observed line: the status colour. */
  color: string;
};

type Row = { year: number; observed?: number; expected?: number; reference?: number; target?: number };

/** Observations against the expected path and the target, as a lazy chart plus the same numbers as a table. */
export function ProgressChart({ series }: { series: ProgressSeries }) {
  const t = useMessages(progressChartMessages);
  const rows = useMemo(() => tableRows(series), [series]);
  const option = useMemo(() => chartOption(series, t), [series, t]);
  const unit = series.unit === null ? '' : `，${series.unit}`;
  if (rows.length === 0) {
    return <Empty description={t.empty} />;
  }
  return (
    <>
      <EChart option={option} label={format(t.chartLabel, { name: series.name })} />
      <Table<Row>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        caption={format(t.tableCaption, { name: series.name, unit })}
        columns={[
          { title: t.year, dataIndex: 'year' },
          { title: t.observed, dataIndex: 'observed', render: show },
          { title: t.expected, dataIndex: 'expected', render: show },
          ...(series.reference === null
            ? []
            : [
                {
                  title: format(t.reference, { name: series.reference.name }),
                  dataIndex: 'reference',
                  render: show,
                },
              ]),
          { title: t.target, dataIndex: 'target', render: show },
        ]}
      />
    </>
  );
}

function show(value: number | undefined): string {
  return value === undefined ? '—' : String(value);
}

function tableRows(s: ProgressSeries): Row[] {
  const rows = new Map<number, Row>();
  const row = (year: number): Row => {
    const existing = rows.get(year);
    if (existing !== undefined) return existing;
    const created: Row = { year };
    rows.set(year, created);
    return created;
  };
  for (const [year, value] of s.observed) row(year).observed = value;
  for (const [year, value] of s.expectedPath) row(year).expected = value;
  for (const [year, value] of s.reference?.points ?? []) row(year).reference = value;
  if (s.target !== null) row(s.target.year).target = s.target.value;
  return [...rows.values()].sort((a, b) => a.year - b.year);
}

function chartOption(s: ProgressSeries, t: (typeof progressChartMessages)['zh']): EChartsCoreOption {
  const line = (name: string, data: readonly Point[], style: object) => ({
    type: 'line',
    name,
    data: data.map(([year, value]) => [String(year), value]),
    ...style,
  });
  const years = tableRows(s).map((r) => String(r.year));
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: s.unit ?? '', scale: true },
    series: [
      line(t.observed, s.observed, { itemStyle: { color: s.color }, lineStyle: { width: 3 }, symbolSize: 8 }),
      line(t.expected, s.expectedPath, {
        itemStyle: { color: '#8c8c8c' },
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        ...(s.target === null
          ? {}
          : {
              markLine: {
                symbol: 'none',
                label: { formatter: `${t.target} ${s.target.value}` },
                lineStyle: { color: '#262626' },
                data: [{ yAxis: s.target.value }],
              },
            }),
      }),
      ...(s.reference === null
        ? []
        : [
            line(format(t.reference, { name: s.reference.name }), s.reference.points, {
              itemStyle: { color: '#6a1b9a' },
              lineStyle: { type: 'dotted' },
            }),
          ]),
    ],
  };
}
