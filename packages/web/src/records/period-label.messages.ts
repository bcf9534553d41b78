import { defineMessages } from '../i18n/i18n';

/** How a reporting period reads: `2026H1` is 2026年上半年 / 2026 H1 (first half). */
export const periodLabelMessages = defineMessages({
  zh: {
    year: '{year}年',
    half1: '{year}年上半年',
    half2: '{year}年下半年',
    quarter: '{year}年第{n}季度',
    month: '{year}年{n}月',
  },
  en: {
    year: '{year}',
    half1: '{year} H1 (first half)',
    half2: '{year} H2 (second half)',
    quarter: '{year} Q{n}',
    month: '{year}-{mm}',
  },
});

export type PeriodLabelText = { readonly [K in keyof (typeof periodLabelMessages)['zh']]: string };
