import { Button, Table, Tag, Typography } from 'antd';
import type { MyOverviewItem } from '@plantrack/api';
import { format, useMessages } from '../../i18n/i18n';
import type { MyItemsText } from './my-items.messages';
import { type OwnedItemsText, ownedItemsMessages } from './owned-items.messages';
import { stateLabel } from './period-state';

function nextDueText(t: OwnedItemsText, item: MyOverviewItem): string {
  const next = item.nextDue;
  if (next === null) return t.noPeriodDue;
  const template = next.kind === 'upcoming' ? t.nextUpcoming : next.overdue ? t.nextOverdue : t.nextOwed;
  return format(template, { period: next.period, due: next.dueDate });
}

function lastText(t: OwnedItemsText, tItems: MyItemsText, item: MyOverviewItem): string {
  const last = item.last;
  if (last === null) return t.nothingYet;
  const progressLabels: Record<NonNullable<MyOverviewItem['last']>['progress'] & string, string> = {
    not_started: t.progressNot_started,
    in_progress: t.progressIn_progress,
    completed: t.progressCompleted,
    delayed: t.progressDelayed,
  };
  const value =
    last.progress !== null
      ? progressLabels[last.progress]
      : last.value !== null
        ? `${String(last.value)}${last.unit ?? item.unit ?? ''}`
        : (last.valueText ?? '');
  return format(t.lastValue, { period: last.period, value, state: stateLabel(tItems, last.status) });
}

/** The period a "report" button opens: the one due next, else the last one reported. */
export function periodToOpen(item: MyOverviewItem): string | null {
  return item.nextDue?.period ?? item.last?.period ?? null;
}

/**
 * Every indicator and task the department owns (lead or co-lead), due or not, with the next period
 * due, the last value sent (also one sent outside any scheduled period) and the target.
 */
export function OwnedItemsTable({
  tItems,
  items,
  onOpen,
}: {
  tItems: MyItemsText;
  items: readonly MyOverviewItem[];
  onOpen: (item: MyOverviewItem, period: string) => void;
}) {
  const t = useMessages(ownedItemsMessages);
  return (
    <section aria-labelledby="owned-items-heading">
      <Typography.Title level={2} id="owned-items-heading" style={{ fontSize: 18 }}>
        {format(t.heading, { n: items.length })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Table<MyOverviewItem>
        aria-label={t.tableLabel}
        rowKey={(i) => `${i.kind}:${i.id}`}
        dataSource={[...items]}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t.empty }}
        columns={[
          {
            title: t.colName,
            key: 'name',
            render: (_, i) => (
              <>
                <Tag>{i.kind === 'indicator' ? t.indicator : t.task}</Tag>
                <Typography.Text>{i.unit === null ? i.name : `${i.name}（${i.unit}）`}</Typography.Text>
              </>
            ),
          },
          { title: t.colRole, key: 'role', render: (_, i) => (i.role === 'lead' ? t.lead : t.coLead) },
          {
            title: t.colNext,
            key: 'next',
            render: (_, i) => (
              <Typography.Text type={i.nextDue?.overdue === true ? 'danger' : undefined}>
                {nextDueText(t, i)}
              </Typography.Text>
            ),
          },
          { title: t.colLast, key: 'last', render: (_, i) => lastText(t, tItems, i) },
          { title: t.colTarget, key: 'target', render: (_, i) => i.target ?? t.noTarget },
          {
            title: t.colAction,
            key: 'action',
            render: (_, i) => {
              const period = periodToOpen(i);
              return period === null ? null : (
                <Button
                  size="small"
                  aria-label={format(t.reportItem, { name: i.name, period })}
                  onClick={() => {
                    onOpen(i, period);
                  }}
                >
                  {t.report}
                </Button>
              );
            },
          },
        ]}
      />
    </section>
  );
}
