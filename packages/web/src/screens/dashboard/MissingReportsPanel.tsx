import { List, Tag, Typography } from 'antd';
import { format, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import type { MissingReports } from '@plantrack/api';

/** Who has not reported for the current period, department by department. */
export function MissingReportsPanel({
  missing,
  itemName,
}: {
  missing: MissingReports;
  itemName: (kind: 'indicator' | 'task', id: string) => string;
}) {
  const t = useMessages(dashboardMessages);
  if (missing.departments.length === 0) {
    return <Typography.Text type="secondary">{t.missingNone}</Typography.Text>;
  }
  return (
    <>
      {missing.period === null ? null : (
        <Typography.Paragraph type="secondary">
          {format(t.missingPeriod, { period: missing.period, days: missing.withinDays })}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={missing.departments}
        renderItem={(d) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Typography.Text strong>{d.name ?? t.missingNoOwner}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {format(t.missingItems, { n: d.items.length })}
              </Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {d.items.map((item) => (
                  <li key={`${item.kind}|${item.id}|${item.period}`}>
                    {t[`kind_${item.kind}`]}：{itemName(item.kind, item.id)}（{item.period}，
                    {format(t.dueOn, { date: item.dueDate })}）
                    {item.overdue ? <Tag color="#b71c1c">{t.overdue}</Tag> : null}
                  </li>
                ))}
              </ul>
            </div>
          </List.Item>
        )}
      />
    </>
  );
}
