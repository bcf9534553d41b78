import type { Bilingual } from '../../i18n/i18n';

/** Why the assessment left a value out, in words (codes from packages/core/src/assessment). */
export const SET_ASIDE_REASONS: Readonly<Record<string, Bilingual>> = {
  'scope-mismatch': { zh: '统计口径与目标不一致', en: 'its scope differs from the target’s' },
  'scope-unstated': { zh: '未注明统计口径', en: 'its scope is not stated' },
  superseded: { zh: '已被更新的数值取代', en: 'a newer value replaces it' },
  'after-as-of': { zh: '晚于评估日期', en: 'after the assessment date' },
  'before-baseline': { zh: '早于基期', en: 'before the baseline year' },
  'no-value': { zh: '没有数值', en: 'no numeric value' },
};
