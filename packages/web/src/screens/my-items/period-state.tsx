import { Tag } from 'antd';
import { format } from '../../i18n/i18n';
import type { MyItemsText } from './my-items.messages';
import type { PeriodItem, PeriodState } from '@plantrack/api';

/** Items still owed: nothing sent yet, a draft, or returned for correction. */
export function isTodo(item: PeriodItem): boolean {
  return item.state === 'missing' || item.state === 'draft' || item.state === 'returned';
}

/** Due within this many days counts as "due soon" (the server's reminder default). */
export const DUE_SOON_DAYS = 14;

const STATE_COLORS: Readonly<Record<PeriodState, string>> = {
  missing: 'default',
  draft: 'blue',
  submitted: 'geekblue',
  returned: 'red',
  approved: 'green',
};

export function stateLabel(t: MyItemsText, state: PeriodState): string {
  const labels: Record<PeriodState, string> = {
    missing: t.stateMissing,
    draft: t.stateDraft,
    submitted: t.stateSubmitted,
    returned: t.stateReturned,
    approved: t.stateApproved,
  };
  return labels[state];
}

/** The state as a tag with its word (never colour alone). */
export function StateTag({ t, state }: { t: MyItemsText; state: PeriodState }) {
  return <Tag color={STATE_COLORS[state]}>{stateLabel(t, state)}</Tag>;
}

/** "3 days overdue" / "due in 5 days" for items still owed; nothing for the rest. */
export function DueTag({ t, item }: { t: MyItemsText; item: PeriodItem }) {
  if (!isTodo(item)) return null;
  if (item.overdue) return <Tag color="#b71c1c">{format(t.overdue, { n: -item.daysUntilDue })}</Tag>;
  if (item.daysUntilDue === 0) return <Tag color="#b45309">{t.dueToday}</Tag>;
  if (item.daysUntilDue <= DUE_SOON_DAYS) {
    return <Tag color="#b45309">{format(t.dueSoon, { n: item.daysUntilDue })}</Tag>;
  }
  return null;
}
