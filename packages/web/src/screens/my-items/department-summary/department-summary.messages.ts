import { defineMessages } from '../../../i18n/i18n';

/** The department summary download's words. */
export const departmentSummaryMessages = defineMessages({
  zh: {
    label: '本单位一页纸摘要',
    word: '下载 Word',
    html: '打开网页版',
  },
  en: {
    label: 'One-page summary of my department',
    word: 'Download Word',
    html: 'Open as web page',
  },
});
