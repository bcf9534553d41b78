import { defineMessages } from '../i18n/i18n';

/** Strings of the quality-flag list. */
export const qualityFlagsMessages = defineMessages({
  zh: { confirmed: '（提交人已确认无误）' },
  en: { confirmed: ' (confirmed by the submitter)' },
});
