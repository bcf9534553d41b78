import { Button, Table, Tag, Typography } from 'antd';
import { format, useMessages } from '../../i18n/i18n';
import { periodLabel } from '../../records/period-label';
import { periodLabelMessages } from '../../records/period-label.messages';
import type { MyItemsText } from './my-items.messages';
import type { PeriodItem } from '@plantrack/api';
import { DueTag, StateTag, isTodo } from './period-state';

/** Returned first (someone is waiting for a correction), then overdue, then by due date. */
function urgency(item: PeriodItem): number {
  if (item.state === 'returned') return 0;
  if (isTodo(item) && item.overdue) return 1;
  return isTodo(item) ? 2 : 3;
}

export function sortByUrgency(items: readonly PeriodItem[]): PeriodItem[] {
  return [...items].sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
}

export const rowKeyOf = (item: PeriodItem): string => `${item.kind}:${item.id}:${item.period}`;

/** The periods the department owes, with due dates highlighted and a button to report each. */
export function PeriodsTable({
  t,
  items,
  emptyText,
  onOpen,
}: {
  t: MyItemsText;
  items: readonly PeriodItem[];
  emptyText: string;
  onOpen: (item: PeriodItem) => void;
}) {
  const periodText = useMessages(periodLabelMessages);
  return (
    <Table<PeriodItem>
      aria-label={t.tableLabel}
      rowKey={rowKeyOf}
      dataSource={items}
      size="middle"
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText }}
      onRow={(item) => ({
        style:
          item.state === 'returned' || (isTodo(item) && item.overdue) ? { background: '#fff4f4' } : undefined,
      })}
      columns={[
        {
          title: t.colName,
          key: 'name',
          render: (_, item) => (
            <Typography.Text strong={isTodo(item)}>
              {item.unit === null ? item.name : format(t.withUnit, { name: item.name, unit: item.unit })}
            </Typography.Text>
          ),
        },
        {
          title: t.colKind,
          key: 'kind',
          width: 80,
          render: (_, item) => (item.kind === 'indicator' ? t.kindIndicator : t.kindTask),
        },
        {
          title: t.colPeriod,
          key: 'period',
          width: 120,
          // The round that asks for the period (its due date is the next column's).
          render: (_, item) => (
            <>
              {item.period}
              {/^\d{4}$/.test(item.period) ? null : (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {periodLabel(periodText, item.period)}
                </Typography.Text>
              )}
              {item.round ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {item.round.name}
                </Typography.Text>
              ) : null}
              {/* A year-to-date round asks for the running total since January, not the period's own increment. */}
              {item.round?.semantics === 'year_to_date' ? <Tag color="blue">{t.yearToDate}</Tag> : null}
            </>
          ),
        },
        {
          title: t.colDue,
          key: 'due',
          width: 200,
          render: (_, item) => (
            <>
              <span style={{ marginInlineEnd: 8 }}>{item.dueDate}</span>
              <DueTag t={t} item={item} />
            </>
          ),
        },
        {
          title: t.colState,
          key: 'state',
          width: 110,
          render: (_, item) => <StateTag t={t} state={item.state} />,
        },
        {
          title: t.colAction,
          key: 'action',
          width: 100,
          render: (_, item) => {
            const todo = isTodo(item);
            return (
              <Button
                type={todo ? 'primary' : 'default'}
                size="small"
                aria-label={format(todo ? t.fillItem : t.viewItem, { name: item.name, period: item.period })}
                onClick={() => {
                  onOpen(item);
                }}
              >
                {todo ? t.fill : t.view}
              </Button>
            );
          },
        },
      ]}
    />
  );
}
