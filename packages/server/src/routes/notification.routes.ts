import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import {
  myNotifications,
  myUnreadCount,
  readMyNotification,
  runRemindersNow,
} from '../services/reminders/notification.service.js';
import {
  errorResponses,
  IdParamsSchema,
  NotificationQuerySchema,
  NotificationSchema,
  pageOf,
  ReminderCountsSchema,
  UnreadCountSchema,
} from '@plantrack/api';

export const notificationRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/my/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The caller's notifications, newest first",
        querystring: NotificationQuerySchema,
        response: { 200: pageOf(NotificationSchema), ...errorResponses },
      },
    },
    async (request) =>
      myNotifications(ctx, request.principal, {
        page: request.query.page,
        pageSize: request.query.pageSize,
        unread: request.query.unread === 'true',
      }),
  );

  app.get(
    '/api/my/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: "How many of the caller's notifications are unread",
        response: { 200: UnreadCountSchema, ...errorResponses },
      },
    },
    async (request) => myUnreadCount(ctx, request.principal),
  );

  app.post(
    '/api/my/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: "Mark one of the caller's notifications read (another user's is 404)",
        params: IdParamsSchema,
        response: { 200: NotificationSchema, ...errorResponses },
      },
    },
    async (request) => readMyNotification(ctx, request.principal, request.params.id),
  );

  app.post(
    '/api/reminders/run',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Run the reminder job now (administrator, planning office): notify reporters of overdue and due-soon ' +
          'items, e-mail them when SMTP is configured; 409 while a run is in progress',
        response: { 200: ReminderCountsSchema, ...errorResponses },
      },
    },
    async (request) => runRemindersNow(ctx, request.principal, request.log),
  );
  done();
};
