import { defineMessages } from '../../i18n/i18n';

/** The demo banner's words. */
export const demoBannerMessages = defineMessages({
  zh: {
    title: '演示数据',
    detail: '本系统当前使用演示数据库：所有数值均为模拟值，不是统计数据，不得引用。',
  },
  en: {
    title: 'Demo data',
    detail:
      'This service runs on a demo database: every figure is simulated, not a statistic, and must not be cited.',
  },
});
