import { defineMessages } from '../../../i18n/i18n';

/** Strings of the office's evidence rule (提交时须附证明材料) in the references tab. */
export const evidenceRuleMessages = defineMessages({
  zh: {
    title: '佐证材料要求',
    intro:
      '开启后，各部门提交监测值时须附证明材料（如统计公报、部门文件）；未附的，提交前会提示，审核人也能看到。',
    label: '提交时须附证明材料',
    on: '已要求',
    off: '未要求',
    saved: '已保存佐证材料要求。',
  },
  en: {
    title: 'Evidence requirement',
    intro:
      'When on, departments must attach evidence (e.g. a statistical bulletin or an official document) to every value they submit; a value without is flagged before submission and shown to the reviewer.',
    label: 'Evidence required on submission',
    on: 'Required',
    off: 'Not required',
    saved: 'Evidence requirement saved.',
  },
});
