import { defineMessages } from '../../i18n/i18n';

/** Strings of the shared chart components. */
export const chartMessages = defineMessages({
  zh: {
    chartFailed: '图表加载失败，请查看下方表格。',
    sparklineLabel: '{name}走势：{points}',
    noPoints: '暂无数据',
    targetLine: '目标值',
  },
  en: {
    chartFailed: 'The chart could not be loaded; see the table below.',
    sparklineLabel: '{name} trend: {points}',
    noPoints: 'no data yet',
    targetLine: 'Target',
  },
});
