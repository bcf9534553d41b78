import { defineMessages } from '../../i18n/i18n';

/** Strings of the notification bell and list. */
export const notificationMessages = defineMessages({
  zh: {
    bell: '通知',
    bellUnread: '通知，{n} 条未读',
    drawerTitle: '通知',
    listLabel: '通知列表',
    onlyUnread: '只看未读',
    unread: '未读',
    markRead: '标为已读',
    open: '去处理',
    due: '截止 {date}',
    empty: '暂无通知。临近截止、已逾期、被退回或待审核的事项会在这里提醒您。',
    emptyUnread: '没有未读通知。',
    kindDueSoon: '即将到期',
    kindOverdue: '已逾期',
    kindReturned: '被退回',
    kindSubmitted: '待审核',
  },
  en: {
    bell: 'Notifications',
    bellUnread: 'Notifications, {n} unread',
    drawerTitle: 'Notifications',
    listLabel: 'Notification list',
    onlyUnread: 'Unread only',
    unread: 'Unread',
    markRead: 'Mark read',
    open: 'Open',
    due: 'Due {date}',
    empty:
      'No notifications. Items due soon, overdue, returned to you or awaiting your review are announced here.',
    emptyUnread: 'No unread notifications.',
    kindDueSoon: 'Due soon',
    kindOverdue: 'Overdue',
    kindReturned: 'Returned',
    kindSubmitted: 'To review',
  },
});

/** Fired on `window` when a notification was read, so the bell recounts. */
export const NOTIFICATIONS_CHANGED = 'plantrack:notifications-changed';
