import { defineMessages } from '../../i18n/i18n';

/** Strings of the progress chart and its table. */
export const progressChartMessages = defineMessages({
  zh: {
    observed: '监测值（已审核）',
    expected: '预期路径',
    target: '目标值',
    reference: '参照值：{name}',
    year: '年份',
    chartLabel: '{name}：监测值、预期路径与目标值图表，数据见下表',
    tableCaption: '图表数据（{name}{unit}）',
    empty: '尚无已审核的监测值，也没有可画出的预期路径。填报并审核数据后，这里会显示走势。',
  },
  en: {
    observed: 'Observed (approved)',
    expected: 'Expected path',
    target: 'Target',
    reference: 'Reference: {name}',
    year: 'Year',
    chartLabel: '{name}: chart of observed values, expected path and target; the table below has the data',
    tableCaption: 'Chart data ({name}{unit})',
    empty:
      'No approved values and no expected path yet. Once data is reported and approved, the trend appears here.',
  },
});
