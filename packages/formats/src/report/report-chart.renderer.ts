import type { ChartSpec } from '@plantrack/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/**
 * Chart text family: a TrueType CJK face first (fonts-wqy-microhei: fast to rasterise, and Chromium
 * embeds it in a PDF as a real font rather than Type 3 glyphs), then fonts-noto-cjk and the office
 * desktop faces for the HTML version.
 */
export const CHART_FONT =
  "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/**
 * Figures (axis values, years, bar labels) in a Latin face first: resvg lays a digit out in DejaVu
 * Sans (fonts-dejavu-core) about ten times faster than in a CJK face, and most of a chart's text is
 * figures. Where DejaVu is missing the CJK faces draw them as before.
 */
export const CHART_NUMBER_FONT = `'DejaVu Sans', ${CHART_FONT}`;

/** Size of a chart in CSS pixels; the PNG is drawn at 1.5 × this for print (see report-chart.raster.ts). */
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
  const figures = { ...text, fontFamily: CHART_NUMBER_FONT };
  const base = {
    animation: false,
    textStyle: text,
    // Regular weight: the CJK faces have no bold, and a synthesised bold prints as Type 3 glyphs.
    title: { text: spec.title, left: 'center', textStyle: { ...text, fontSize: 16, fontWeight: 'normal' } },
    grid: { left: 56, right: 24, top: 68, bottom: 40 },
  };
  if (spec.kind === 'status-counts') {
    return {
      ...base,
      xAxis: { type: 'category', data: spec.categories, axisLabel: text },
      yAxis: { type: 'value', minInterval: 1, axisLabel: figures, name: '项', nameTextStyle: text },
      series: [
        {
          type: 'bar',
          barWidth: '50%',
          label: { show: true, position: 'top', ...figures },
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
    xAxis: { type: 'category', data: spec.years.map(String), axisLabel: figures },
    yAxis: { type: 'value', scale: true, axisLabel: figures, name: spec.unit ?? '', nameTextStyle: text },
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
