import { defineMessages } from '../i18n/i18n';
import type { RecordKindName } from './record-kinds';

/** What each record kind is called where screens name or filter it; one key per kind. */
export const recordKindMessages = defineMessages({
  zh: { observation: '监测值', progress_report: '进展报告' },
  en: { observation: 'Values', progress_report: 'Progress reports' },
}) satisfies { zh: Record<RecordKindName, string>; en: Record<RecordKindName, string> };
