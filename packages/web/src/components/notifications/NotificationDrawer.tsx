import { Drawer } from 'antd';
import { useMessages } from '../../i18n/i18n';
import NotificationList from './NotificationList';
import { notificationMessages } from './notifications.messages';

/** The notification list over the current screen (loaded on the bell's first use). */
export default function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(notificationMessages);
  return (
    <Drawer open={open} onClose={onClose} title={t.drawerTitle} size={440}>
      {open ? <NotificationList onNavigate={onClose} /> : null}
    </Drawer>
  );
}
