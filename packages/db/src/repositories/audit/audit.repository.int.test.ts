import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { samplePlan } from '../../testing/sample-plan.js';
import { appendAudit, queryAudit } from './audit.repository.js';
import { importPlanVersion } from '../plan/plan.repository.js';

forEachDialect((_name, open) => {
  describe('audit log', () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await open();
      for (let i = 0; i < 30; i += 1) {
        await appendAudit(handle.db, {
          actor: i % 3 === 0 ? 'alice' : 'bob',
          action: 'user.signed_in',
          entity: 'user',
          entityId: `u${i % 5}`,
          detail: { i, note: '登录' },
        });
      }
    });

    it('queries by entity, actor and time, newest first, with keyset paging', async () => {
      const { db } = handle;
      const byEntity = await queryAudit(db, { entity: 'user', entityId: 'u1' });
      expect(byEntity.map((e) => (e.detail as { i: number }).i)).toEqual([26, 21, 16, 11, 6, 1]);
      const byActor = await queryAudit(db, { actor: 'alice', oldestFirst: true });
      expect(byActor).toHaveLength(10);
      expect(byActor[0]?.detail).toEqual({ i: 0, note: '登录' });

      const page1 = await queryAudit(db, { limit: 12 });
      const page2 = await queryAudit(db, { limit: 12, beforeId: page1.at(-1)?.id ?? '' });
      const page3 = await queryAudit(db, { limit: 12, beforeId: page2.at(-1)?.id ?? '' });
      const all = [...page1, ...page2, ...page3];
      expect(all).toHaveLength(30);
      expect(new Set(all.map((e) => e.id)).size).toBe(30);

      const middle = all[15];
      const since = await queryAudit(db, { from: middle?.at ?? '', oldestFirst: true });
      expect(since.every((e) => e.at >= (middle?.at ?? ''))).toBe(true);
      expect(await queryAudit(db, { to: '2000-01-01T00:00:00.000Z' })).toEqual([]);
    });

    it('leaves no half-written import behind when a write fails midway', async () => {
      const { db } = handle;
      const { text, model } = samplePlan();
      const [first, ...rest] = model.indicators;
      if (first === undefined) throw new Error('no indicators');
      // A NOT NULL violation on the first indicator row, after the plan, version and nodes were written.
      const broken = {
        ...model,
        indicators: [{ ...first, target: { ...first.target, text: null as unknown as string } }, ...rest],
      };
      await expect(importPlanVersion(db, { model: broken, text, actor: 'x' })).rejects.toThrow();
      for (const table of ['plans', 'plan_versions', 'outline_nodes', 'indicators', 'departments'] as const) {
        const count = await sql<{
          n: number | string;
        }>`select count(*) as n from ${sql.table(table)}`.execute(db);
        expect(Number(count.rows[0]?.n)).toBe(0);
      }
      expect(await queryAudit(db, { action: 'plan.version.imported' })).toEqual([]);
    });
  });
});
