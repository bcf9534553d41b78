import { Button, Space, Typography } from 'antd';
import { STATUSES, STATUS_COLORS, type AssessmentStatus, useStatusLabel } from '../../components/StatusTag';
import { format, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import type { StatusCounts } from '@plantrack/api';

/**
 * Counts per status as toggle buttons: pressing one shows only its cards. The number, the word and
 * the colour are all shown, so nothing depends on colour alone.
 */
export function StatusSummary({
  counts,
  caption,
  selected,
  onSelect,
}: {
  counts: StatusCounts;
  caption: string;
  selected: AssessmentStatus | null;
  onSelect?: (status: AssessmentStatus | null) => void;
}) {
  const t = useMessages(dashboardMessages);
  const label = useStatusLabel();
  return (
    <section aria-label={t.statusCounts}>
      <Typography.Text type="secondary">{caption}</Typography.Text>
      <Space wrap style={{ marginTop: 8, display: 'flex' }}>
        {STATUSES.map((status) => {
          const pressed = selected === status;
          const content = (
            <>
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: STATUS_COLORS[status],
                  marginInlineEnd: 6,
                }}
              />
              {label(status)} <strong style={{ marginInlineStart: 4 }}>{counts[status]}</strong>
            </>
          );
          if (onSelect === undefined) {
            return (
              <span key={status} style={{ padding: '4px 8px', border: '1px solid #d9d9d9', borderRadius: 6 }}>
                {content}
              </span>
            );
          }
          return (
            <Button
              key={status}
              aria-pressed={pressed}
              title={format(t.filterByStatus, { status: label(status) })}
              type={pressed ? 'primary' : 'default'}
              onClick={() => {
                onSelect(pressed ? null : status);
              }}
            >
              {content}
            </Button>
          );
        })}
      </Space>
    </section>
  );
}
