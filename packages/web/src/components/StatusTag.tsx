import { defineMessages, useMessages } from '../i18n/i18n';
import { Pill } from './Pill';

/** The assessment status scale as the API sends it (Chinese literals, see packages/core/src/assessment). */
export const STATUSES = [
  '已实现',
  '快于预期',
  '符合预期',
  '基本符合',
  '滞后',
  '严重滞后',
  '数据不足',
] as const;
export type AssessmentStatus = (typeof STATUSES)[number];

/**
 * One colour per status, shared by tags, cards, charts and the map so a colour means the same
 * everywhere. Dark enough for white text (contrast ≥ 4.5:1); greens for good, amber and reds for
 * behind, grey for "cannot decide".
 */
export const STATUS_COLORS: Readonly<Record<AssessmentStatus, string>> = {
  已实现: '#1b5e20',
  快于预期: '#2e7d32',
  符合预期: '#1565c0',
  基本符合: '#00695c',
  滞后: '#b45309',
  严重滞后: '#b71c1c',
  数据不足: '#595959',
};

export const statusMessages = defineMessages({
  zh: {
    已实现: '已实现',
    快于预期: '快于预期',
    符合预期: '符合预期',
    基本符合: '基本符合',
    滞后: '滞后',
    严重滞后: '严重滞后',
    数据不足: '数据不足',
  },
  en: {
    已实现: 'Achieved',
    快于预期: 'Ahead of schedule',
    符合预期: 'On track',
    基本符合: 'Broadly on track',
    滞后: 'Behind schedule',
    严重滞后: 'Seriously behind',
    数据不足: 'Insufficient data',
  },
});

/** The label of a status in the current language. */
export function useStatusLabel(): (status: AssessmentStatus) => string {
  const t = useMessages(statusMessages);
  return (status) => t[status];
}

/** A status as a coloured tag with its word (never colour alone). */
export function StatusTag({ status }: { status: AssessmentStatus }) {
  const t = useMessages(statusMessages);
  return <Pill color={STATUS_COLORS[status]}>{t[status]}</Pill>;
}
