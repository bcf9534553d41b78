import { defineMessages } from '../../i18n/i18n';

/** Strings of the approved figures shown while no status can be computed yet. */
export const approvedFiguresMessages = defineMessages({
  zh: {
    pending: '状态待定',
    subAnnual:
      '评估按年度数值进行，目前只有{periods}的季度或月度数值；全年数值审核通过后即可评估。下表列出已审核的数值。',
    notYet: '已有审核通过的数值，但尚不足以评估进度：{why} 下表列出已审核的数值。',
    tableLabel: '已审核的监测值',
    period: '期间',
    value: '数值',
    scope: '口径',
    planScope: '规划口径',
  },
  en: {
    pending: 'Status not yet assessable',
    subAnnual:
      'Progress is assessed on annual values; so far there are only quarterly or monthly values ({periods}). Once the year’s value is approved it can be assessed. The approved values are listed below.',
    notYet:
      'There are approved values, but not enough to assess progress: {why} The approved values are listed below.',
    tableLabel: 'Approved values',
    period: 'Period',
    value: 'Value',
    scope: 'Scope',
    planScope: 'Plan scope',
  },
});
