import { Button, Pagination, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, query } from '../../api/client';
import type { Page, Notification as AppNotification } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { useServerCall } from '../../api/use-server-call';
import { hasAnyRole, useUser } from '../../auth/auth';
import { useBilingual, useMessages } from '../../i18n/i18n';
import { PageLoading } from '../PageLoading';
import { ProblemAlert } from '../ProblemAlert';
import { NOTIFICATIONS_CHANGED, notificationMessages } from './notifications.messages';
import { targetOf } from './notification.types';

const PAGE_SIZE = 10;

/** The signed-in user's notifications, newest first: read one, or go to the item it is about. */
export default function NotificationList({ onNavigate }: { onNavigate?: () => void }) {
  const t = useMessages(notificationMessages);
  const pick = useBilingual();
  const navigate = useNavigate();
  const user = useUser();
  const reporter = hasAnyRole(user, ['department_reporter']);
  const [page, setPage] = useState(1);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useApi<Page<AppNotification>>(
    `/api/my/notifications${query({ page, pageSize: PAGE_SIZE, unread: onlyUnread ? 'true' : undefined })}`,
  );
  const { problem, run } = useServerCall();

  const markRead = async (n: AppNotification) => {
    if (n.readAt !== null) return;
    await run(async () => {
      await api(`/api/my/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST' });
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      list.reload();
    });
  };

  const kindLabel: Record<AppNotification['kind'], { text: string; color: string }> = {
    'due-soon': { text: t.kindDueSoon, color: '#b45309' },
    overdue: { text: t.kindOverdue, color: '#b71c1c' },
    returned: { text: t.kindReturned, color: '#b71c1c' },
    submitted: { text: t.kindSubmitted, color: '#1d4ed8' },
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
        <Switch
          size="small"
          checked={onlyUnread}
          onChange={(checked) => {
            setOnlyUnread(checked);
            setPage(1);
          }}
        />
        {t.onlyUnread}
      </label>
      <ProblemAlert problem={list.error ?? problem} onRetry={list.reload} />
      {list.data === undefined ? (
        list.error === undefined ? (
          <PageLoading />
        ) : null
      ) : list.data.items.length === 0 ? (
        <Typography.Paragraph type="secondary">{onlyUnread ? t.emptyUnread : t.empty}</Typography.Paragraph>
      ) : (
        <ul aria-label={t.listLabel} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.data.items.map((n) => {
            // Reminders lead to a reporter's form; a notice of new submissions to the review queue.
            const target = reporter || n.kind === 'submitted' ? targetOf(n) : null;
            const unread = n.readAt === null;
            return (
              <li
                key={n.id}
                style={{
                  borderBottom: '1px solid #f0f0f0',
                  padding: '10px 0',
                  background: unread ? '#f6faff' : undefined,
                }}
              >
                <Space size={4} wrap>
                  <Tag color={kindLabel[n.kind].color}>{kindLabel[n.kind].text}</Tag>
                  {unread ? <Tag color="blue">{t.unread}</Tag> : null}
                  <Typography.Text strong={unread}>{pick(n.title)}</Typography.Text>
                </Space>
                <div style={{ marginTop: 4 }}>{pick(n.body)}</div>
                <Space size="middle" style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary">
                    {n.createdAt.slice(0, 16).replace('T', ' ')}
                  </Typography.Text>
                  {target === null ? null : (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => {
                        void markRead(n);
                        onNavigate?.();
                        void navigate(target);
                      }}
                    >
                      {t.open}
                    </Button>
                  )}
                  {unread ? (
                    <Button size="small" onClick={() => void markRead(n)}>
                      {t.markRead}
                    </Button>
                  ) : null}
                </Space>
              </li>
            );
          })}
        </ul>
      )}
      {list.data !== undefined && list.data.total > PAGE_SIZE ? (
        <Pagination
          size="small"
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onChange={setPage}
          showSizeChanger={false}
        />
      ) : null}
    </Space>
  );
}
