import type { ChartSpec } from '@plantrack/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Chart text family: the CJK fonts that exist where the SVG is rasterised (fonts-noto-cjk). */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/** Size of a chart in CSS pixels; the PNG is drawn at twice this for print. */
export const CHART_SIZE = { width: 640, height: 320 } as const;

const STATUS_COLOURS: Readonly<Record<string, string>> = {
  已实现: '#2e7d32',
  快于预期: '#43a047',
  符合预期: '#7cb342',
  基本符合: '#fbc02d',
  滞后: '#fb8c00',
  严重滞后: '#e53935',
  数据不足: '#9e9e9e',
};

function option(spec: ChartSpec): Record<string, unknown> {
  const text = { fontFamily: CHART_FONT, fontSize: 13, color: '#222' };
  const base = {
    animation: false,
    textStyle: text,
    title: { text: spec.title, left: 'center', textStyle: { ...text, fontSize: 15, fontWeight: 'bold' } },
    grid: { left: 56, right: 24, top: 68, bottom: 40 },
  };
  if (spec.kind === 'status-counts') {
    return {
      ...base,
      xAxis: { type: 'category', data: spec.categories, axisLabel: text },
      yAxis: { type: 'value', minInterval: 1, axisLabel: text, name: '项', nameTextStyle: text },
      series: [
        {
          type: 'bar',
          barWidth: '50%',
          label: { show: true, position: 'top', ...text },
          data: spec.values.map((value, i) => ({
            value,
            itemStyle: { color: STATUS_COLOURS[spec.categories[i] ?? ''] ?? '#607d8b' },
          })),
        },
      ],
    };
  }
  return {
    ...base,
    legend: { bottom: 0, textStyle: text },
    grid: { ...base.grid, bottom: 56 },
    xAxis: { type: 'category', data: spec.years.map(String), axisLabel: text },
    yAxis: { type: 'value', scale: true, axisLabel: text, name: spec.unit ?? '', nameTextStyle: text },
    series: [
      {
        name: '实际值',
        type: 'line',
        data: spec.actual,
        connectNulls: true,
        lineStyle: { width: 3 },
        symbolSize: 7,
      },
      {
        name: spec.expectedLabel,
        type: 'line',
        data: spec.expected,
        connectNulls: true,
        lineStyle: { type: 'dashed', width: 2 },
        symbol: 'none',
      },
    ],
  };
}

/** A chart spec drawn as an SVG string by ECharts' server-side renderer (no browser, no canvas). */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(option(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
