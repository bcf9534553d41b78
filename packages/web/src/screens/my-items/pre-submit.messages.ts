import { defineMessages } from '../../i18n/i18n';

/** Strings of the warning dialog shown before a value is submitted. */
export const preSubmitMessages = defineMessages({
  zh: {
    title: '提交前请核对',
    intro:
      '系统检查发现以下可能的问题。请返回修改，或确认数值无误后仍然提交（审核人会看到这些提示和您的确认）。',
    listLabel: '数据质量提示',
    fix: '返回修改',
    confirm: '确认无误，仍然提交',
  },
  en: {
    title: 'Please check before submitting',
    intro:
      'The checks found possible problems. Go back and fix the value, or confirm it is right and submit anyway (the reviewer sees these warnings and your confirmation).',
    listLabel: 'Data-quality warnings',
    fix: 'Go back and fix',
    confirm: 'Confirmed, submit anyway',
  },
});
