import { Migrator, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { NotFoundError } from '../../errors.js';
import { staticMigrationProvider } from '../../migrations/migration.provider.js';
import { forEachDialect } from '../../testing/dialects.js';
import { newId } from '../../support/ids.js';
import { emailDeliveriesOf, pendingEmails, recordEmailDelivery } from './email-delivery.repository.js';
import {
  type NewNotification,
  createNotificationIfAbsent,
  listNotifications,
  markNotificationRead,
  unreadNotificationCount,
} from './notification.repository.js';

async function addUser(handle: DatabaseHandle, email: string, active: 0 | 1 = 1): Promise<string> {
  const id = newId();
  await handle.db
    .insertInto('users')
    .values({
      id,
      email,
      display_name: email,
      password_hash: null,
      department_id: null,
      active,
      created_at: '2027-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

/** A synthetic reminder for tests: the subject and texts are made up. */
function notice(userId: string, n: number, createdAt: string): NewNotification {
  return {
    userId,
    kind: 'due-soon',
    subjectKind: 'indicator',
    subjectKey: `indicator-${n}`,
    period: '2026',
    dueDate: '2027-03-31',
    title: { zh: `【待填报】测试指标${n}`, en: `[Due soon] test indicator ${n}` },
    body: { zh: '请按时填报。', en: 'Please report in time.' },
    dedupeKey: `due-soon|indicator|indicator-${n}|2026`,
    createdAt,
  };
}

forEachDialect((_name, open) => {
  describe('notifications', () => {
    let handle: DatabaseHandle;
    let alice: string;
    let bob: string;

    beforeAll(async () => {
      handle = await open();
      alice = await addUser(handle, 'alice@test.local');
      bob = await addUser(handle, 'bob@test.local');
    });

    it('creates a notification once per user and dedupe key', async () => {
      const { db } = handle;
      const first = await createNotificationIfAbsent(db, notice(alice, 1, '2027-03-20T01:00:00.000Z'));
      const again = await createNotificationIfAbsent(db, notice(alice, 1, '2027-03-21T01:00:00.000Z'));
      const forBob = await createNotificationIfAbsent(db, notice(bob, 1, '2027-03-20T01:00:00.000Z'));
      expect(first.created).toBe(true);
      expect(again).toEqual({ created: false, id: null });
      expect(forBob.created).toBe(true);
      expect(await unreadNotificationCount(db, alice)).toBe(1);
    });

    it('lists newest first, pages and filters unread, and marks only own notifications read', async () => {
      const { db } = handle;
      for (const n of [2, 3, 4]) {
        await createNotificationIfAbsent(db, notice(alice, n, `2027-03-2${n}T01:00:00.000Z`));
      }
      const page1 = await listNotifications(db, { userId: alice, page: 1, pageSize: 3 });
      expect(page1.total).toBe(4);
      expect(page1.items.map((i) => i.subjectKey)).toEqual(['indicator-4', 'indicator-3', 'indicator-2']);
      const page2 = await listNotifications(db, { userId: alice, page: 2, pageSize: 3 });
      expect(page2.items.map((i) => i.subjectKey)).toEqual(['indicator-1']);
      expect(page2.items[0]?.title.zh).toBe('【待填报】测试指标1');

      const target = page1.items[0]?.id ?? '';
      await expect(markNotificationRead(db, { userId: bob, id: target })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await unreadNotificationCount(db, alice)).toBe(4);

      const read = await markNotificationRead(db, {
        userId: alice,
        id: target,
        at: '2027-03-25T00:00:00.000Z',
      });
      expect(read.readAt).toBe('2027-03-25T00:00:00.000Z');
      const reread = await markNotificationRead(db, {
        userId: alice,
        id: target,
        at: '2027-03-26T00:00:00.000Z',
      });
      expect(reread.readAt).toBe('2027-03-25T00:00:00.000Z');
      expect(await unreadNotificationCount(db, alice)).toBe(3);
      const unread = await listNotifications(db, { userId: alice, unreadOnly: true });
      expect(unread.total).toBe(3);
      expect(unread.items.map((i) => i.id)).not.toContain(target);
      await expect(listNotifications(db, { userId: alice, page: 0 })).rejects.toThrow(/paging/);
    });

    it('lists unread, unsent notifications for e-mail until sent or out of attempts', async () => {
      const { db } = handle;
      const carol = await addUser(handle, 'carol@test.local');
      const gone = await addUser(handle, 'gone@test.local', 0);
      const { id } = await createNotificationIfAbsent(db, notice(carol, 9, '2027-03-20T01:00:00.000Z'));
      await createNotificationIfAbsent(db, notice(gone, 9, '2027-03-20T01:00:00.000Z'));
      const notificationId = id ?? '';
      const pendingFor = async (maxAttempts: number) =>
        (await pendingEmails(db, { maxAttempts })).filter((p) => p.toAddress === 'carol@test.local');

      expect((await pendingEmails(db, { maxAttempts: 3 })).map((p) => p.toAddress)).not.toContain(
        'gone@test.local',
      );
      expect(await pendingFor(3)).toHaveLength(1);
      await recordEmailDelivery(db, {
        notificationId,
        toAddress: 'carol@test.local',
        status: 'failed',
        error: 'connect ECONNREFUSED',
      });
      expect(await pendingFor(3)).toHaveLength(1);
      expect(await pendingFor(1)).toHaveLength(0);
      await recordEmailDelivery(db, {
        notificationId,
        toAddress: 'carol@test.local',
        status: 'sent',
        messageId: '<m1@test.local>',
      });
      expect(await pendingFor(3)).toHaveLength(0);
      expect((await emailDeliveriesOf(db, notificationId)).map((d) => d.status)).toEqual(['failed', 'sent']);
    });
  });

  describe('migration 0007', () => {
    it('keeps rows someone put in the unused 0003 notifications table', async () => {
      const { db } = await open({ migrate: false });
      const migrator = new Migrator({ db, provider: staticMigrationProvider });
      expect((await migrator.migrateTo('0006-search')).error).toBeUndefined();
      const user = newId();
      await db
        .insertInto('users')
        .values({
          id: user,
          email: 'legacy@test.local',
          display_name: 'legacy',
          password_hash: null,
          department_id: null,
          active: 1,
          created_at: '2027-01-01T00:00:00.000Z',
        })
        .execute();
      // The 0003 shape, written by hand as a deployment might have done.
      await sql`
        insert into notifications (id, user_id, kind, message_zh, message_en, created_at)
        values ('n1', ${user}, 'note', '请填报', 'Please report', '2027-01-02T00:00:00.000Z')
      `.execute(db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const kept = await sql<{ id: string }>`select id from notifications_0003`.execute(db);
      expect(kept.rows.map((r) => r.id)).toEqual(['n1']);
      const columns = (await db.introspection.getTables())
        .find((t) => t.name === 'notifications')
        ?.columns.map((c) => c.name);
      expect(columns).toContain('dedupe_key');
    });

    it('drops the unused 0003 table when it is empty', async () => {
      const { db } = await open();
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['notifications', 'email_deliveries']));
      expect(tables).not.toContain('notifications_0003');
    });
  });
});
