import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useUser } from '../../auth/auth';
import { format, useMessages } from '../../i18n/i18n';
import { NOTIFICATIONS_CHANGED, notificationMessages } from './notifications.messages';

// The list and its drawer are a lazy chunk: the header only carries the bell and the count.
const NotificationDrawer = lazy(() => import('./NotificationDrawer'));

/** How often the unread count is refreshed while a page stays open. */
const REFRESH_MS = 60_000;

/** A bell with the unread count in the header; opens the notification list. Nothing when signed out. */
export function NotificationBell() {
  const user = useUser();
  const t = useMessages(notificationMessages);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const userId = user?.id ?? null;

  useEffect(() => {
    if (userId === null) return;
    const controller = new AbortController();
    const recount = () => {
      api<{ unread: number }>('/api/my/notifications/unread-count', { signal: controller.signal }).then(
        (body) => {
          setUnread(body.unread);
        },
        () => undefined, // A missed count is retried on the next tick; the bell is not worth an error.
      );
    };
    recount();
    const timer = window.setInterval(recount, REFRESH_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, recount);
    window.addEventListener('focus', recount);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, recount);
      window.removeEventListener('focus', recount);
    };
  }, [userId]);

  if (userId === null) return null;
  const label = unread > 0 ? format(t.bellUnread, { n: unread }) : t.bell;
  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          shape="circle"
          size="small"
          icon={<BellOutlined />}
          aria-label={label}
          title={label}
          onClick={() => {
            setOpen(true);
            setOpened(true);
          }}
        />
      </Badge>
      {opened ? (
        <Suspense fallback={null}>
          <NotificationDrawer
            open={open}
            onClose={() => {
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
