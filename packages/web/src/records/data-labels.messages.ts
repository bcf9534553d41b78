import { defineMessages } from '../i18n/i18n';

/**
 * Words the plan data stores in Chinese or as internal codes (an indicator's 属性, a target's
 * kind), as the reader sees them: 预期性 and 约束性 are the plan's own terms, shown translated
 * in English; target kinds never reach the screen as their code names.
 */
export const dataLabelMessages = defineMessages({
  zh: {
    预期性: '预期性',
    约束性: '约束性',
    absolute: '定值',
    range: '区间',
    cumulative: '累计值',
    rate: '增速',
    relative: '与参照序列比较',
    external: '上级下达',
    qualitative: '定性要求',
  },
  en: {
    预期性: 'Anticipatory',
    约束性: 'Binding',
    absolute: 'Fixed value',
    range: 'Range',
    cumulative: 'Cumulative',
    rate: 'Growth rate',
    relative: 'Compared with a reference series',
    external: 'Set by a higher level',
    qualitative: 'Qualitative',
  },
});

export type DataLabels = (typeof dataLabelMessages)['zh'];

/** The reader's word for a stored label, or the label itself when it has none. */
export function dataLabel(labels: DataLabels, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return value in labels ? labels[value as keyof DataLabels] : value;
}
