import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import * as observations from './observation.repository.js';

forEachDialect((name, open) => {
  describe('observation repository', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let indicatorId: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      indicatorId = seeded.indicatorIds[1] ?? '';
    });

    it('runs draft → submitted → returned → submitted → approved → correction, keeping every revision', async () => {
      const { db } = handle;
      const ref = { indicatorId, period: '2026' };
      const base = { ref, actor: 'reporter' };
      const draft = await observations.saveDraft(db, {
        ...base,
        expectedRevision: 0,
        values: { value: 41.2, unit: '亿元', source: '区财政局', estimated: true },
      });
      expect(draft).toMatchObject({ revisionNo: 1, status: 'draft', action: 'save_draft' });
      const submitted = await observations.submit(db, { ...base, expectedRevision: 1 });
      expect(submitted).toMatchObject({
        revisionNo: 2,
        status: 'submitted',
        values: { value: 41.2, estimated: true },
      });
      const returned = await observations.returnForCorrection(db, {
        ref,
        actor: 'reviewer',
        expectedRevision: 2,
        reason: '口径应为全口径一般公共预算收入',
      });
      expect(returned).toMatchObject({
        revisionNo: 3,
        status: 'returned',
        reason: '口径应为全口径一般公共预算收入',
      });
      await observations.submit(db, {
        ...base,
        expectedRevision: 3,
        values: { value: 42.5, unit: '亿元', comment: '已按全口径调整' },
      });
      const approved = await observations.approve(db, { ref, actor: 'reviewer', expectedRevision: 4 });
      expect(approved).toMatchObject({ revisionNo: 5, status: 'approved', values: { value: 42.5 } });

      await expect(
        observations.saveDraft(db, { ...base, expectedRevision: 5, values: { value: 1 } }),
      ).rejects.toMatchObject({
        code: 'locked',
        messages: { zh: expect.stringContaining('锁定') as unknown },
      });
      await expect(
        observations.correctApproved(db, {
          ...base,
          expectedRevision: 5,
          values: { value: 42.8 },
          reason: ' ',
        }),
      ).rejects.toBeInstanceOf(InvalidInputError);

      const corrected = await observations.correctApproved(db, {
        ref,
        actor: 'office',
        expectedRevision: 5,
        values: { value: 42.8, unit: '亿元' },
        reason: '统计局年报更正',
      });
      expect(corrected).toMatchObject({
        revisionNo: 6,
        status: 'submitted',
        action: 'correct',
        reason: '统计局年报更正',
      });
      // The approved value stays in force until the correction is approved.
      expect((await observations.inForce(db, ref))?.values.value).toBe(42.5);
      await observations.approve(db, { ref, actor: 'reviewer', expectedRevision: 6 });
      expect((await observations.inForce(db, ref))?.values.value).toBe(42.8);

      const history = await observations.history(db, ref);
      expect(history.map((r) => [r.revisionNo, r.action, r.status, r.values.value])).toEqual([
        [1, 'save_draft', 'draft', 41.2],
        [2, 'submit', 'submitted', 41.2],
        [3, 'return', 'returned', 41.2],
        [4, 'submit', 'submitted', 42.5],
        [5, 'approve', 'approved', 42.5],
        [6, 'correct', 'submitted', 42.8],
        [7, 'approve', 'approved', 42.8],
      ]);
      expect(history.slice(1).every((r, i) => r.supersedesId === history[i]?.id)).toBe(true);
      const audit = await queryAudit(db, { entity: 'observation', entityId: draft.key, oldestFirst: true });
      expect(audit.map((e) => e.action)).toEqual([
        'observation.save_draft',
        'observation.submit',
        'observation.return',
        'observation.submit',
        'observation.approve',
        'observation.correct',
        'observation.approve',
      ]);
      expect(audit[0]?.planId).toBe(seeded.planId);
    });

    it('refuses a stale expectedRevision with a bilingual ConflictError', async () => {
      const { db } = handle;
      const ref = { indicatorId, period: '2027', scope: '含常州经开区' };
      await observations.saveDraft(db, { ref, actor: 'a', expectedRevision: 0, values: { value: 1 } });
      await observations.saveDraft(db, { ref, actor: 'b', expectedRevision: 1, values: { value: 2 } });
      const stale = observations.saveDraft(db, {
        ref,
        actor: 'a',
        expectedRevision: 1,
        values: { value: 3 },
      });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({
        code: 'stale-revision',
        currentRevision: 2,
        messages: {
          zh: expect.stringContaining('请刷新后重试') as unknown,
          en: expect.stringContaining('reload') as unknown,
        },
      });
      expect((await observations.latest(db, ref))?.values.value).toBe(2);
    });

    it('keeps scopes apart: the same indicator and period in another scope is another observation', async () => {
      const { db } = handle;
      const inScope = await observations.latest(db, { indicatorId, period: '2027', scope: '含常州经开区' });
      const other = await observations.latest(db, { indicatorId, period: '2027' });
      expect(inScope?.scope).toBe('含常州经开区');
      expect(other).toBeUndefined();
    });

    it('a retried submit with the same idempotency key returns the first revision and writes nothing', async () => {
      const { db } = handle;
      const ref = { indicatorId, period: '2026Q1' };
      const args = {
        ref,
        actor: 'r',
        expectedRevision: 0,
        idempotencyKey: 'submit-2026Q1-1',
        values: { value: 9 },
      };
      const first = await observations.submit(db, args);
      const retry = await observations.submit(db, args);
      expect(retry).toEqual(first);
      const concurrent = await Promise.all([observations.submit(db, args), observations.submit(db, args)]);
      expect(concurrent.map((r) => r.id)).toEqual([first.id, first.id]);
      expect(await observations.history(db, ref)).toHaveLength(1);
      await expect(
        observations.approve(db, { ref, actor: 'x', expectedRevision: 1, idempotencyKey: 'submit-2026Q1-1' }),
      ).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    });

    it('makes the alongside writes in the revision’s transaction, and not for a replay', async () => {
      const { db } = handle;
      const ref = { indicatorId, period: '2026Q3' };
      const seen: string[] = [];
      const args = {
        ref,
        actor: 'r',
        expectedRevision: 0,
        idempotencyKey: 'alongside-1',
        values: { value: 3 },
      };
      // A failing alongside write undoes the revision and its audit record with it.
      await expect(
        observations.submit(db, {
          ...args,
          alongside: () => Promise.reject(new Error('alongside refused')),
        }),
      ).rejects.toThrow('alongside refused');
      expect(await observations.history(db, ref)).toEqual([]);

      const stored = await observations.submit(db, {
        ...args,
        alongside: async (trx, revision) => {
          // Inside the transaction the new revision is already visible; its plan is the indicator's.
          const row = await trx
            .selectFrom('observations')
            .select('id')
            .where('id', '=', revision.id)
            .executeTakeFirst();
          seen.push(`${revision.indicatorId}|${revision.period}|${row?.id === revision.id}`);
          return { ...revision, qualityFlags: [] };
        },
      });
      expect(stored.qualityFlags).toEqual([]);
      expect(seen).toEqual([`${indicatorId}|2026Q3|true`]);
      const replay = await observations.submit(db, {
        ...args,
        alongside: () => Promise.reject(new Error('must not run for a replay')),
      });
      expect(replay.id).toBe(stored.id);
      const audit = await queryAudit(db, { entity: 'observation', entityId: stored.key });
      expect(audit).toHaveLength(1);
    });

    it('checks integrity: period format, unknown indicators, actions that do not fit the status', async () => {
      const { db } = handle;
      await expect(
        observations.saveDraft(db, {
          ref: { indicatorId, period: '2026-13' },
          actor: 'a',
          expectedRevision: 0,
          values: { value: 1 },
        }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        observations.saveDraft(db, {
          ref: { indicatorId: 'no-such-indicator', period: '2026' },
          actor: 'a',
          expectedRevision: 0,
          values: { value: 1 },
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const ref = { indicatorId, period: '2026-03' };
      await observations.saveDraft(db, { ref, actor: 'a', expectedRevision: 0, values: { value: 1 } });
      await expect(observations.approve(db, { ref, actor: 'r', expectedRevision: 1 })).rejects.toMatchObject({
        code: 'invalid-transition',
      });
    });

    it('lands 200 concurrent submissions of different observations, each with its audit record', async () => {
      const { db } = handle;
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          observations.submit(db, {
            ref: {
              indicatorId: seeded.indicatorIds[i % seeded.indicatorIds.length] ?? '',
              period: String(2100 + i),
            },
            actor: `dept-${i % 7}`,
            expectedRevision: 0,
            idempotencyKey: `bulk-${i}`,
            values: { value: i, source: 'load test' },
          }),
        ),
      );
      const elapsed = performance.now() - started;
      expect(new Set(results.map((r) => r.id)).size).toBe(200);
      const stored = await db
        .selectFrom('observations')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('source', '=', 'load test')
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(200);
      const audited = await queryAudit(db, { action: 'observation.submit', limit: 1000 });
      const auditedRevisions = new Set(audited.map((e) => (e.detail as { revisionId: string }).revisionId));
      expect(results.every((r) => auditedRevisions.has(r.id))).toBe(true);
      if (name === 'sqlite') {
        // One connection, one write transaction at a time: commits happen in call order.
        const ids = results.map((r) => r.id);
        expect([...ids].sort()).toEqual(ids);
      }
      console.info(`[${name}] 200 concurrent submissions: ${elapsed.toFixed(0)} ms`);
    });

    it('200 concurrent submissions racing on one observation: exactly one wins, the rest conflict', async () => {
      const { db } = handle;
      const ref = { indicatorId, period: '2028' };
      const outcomes = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) =>
          observations.submit(db, { ref, actor: `r${i}`, expectedRevision: 0, values: { value: i } }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof ConflictError)).toBe(true);
      expect(await observations.history(db, ref)).toHaveLength(1);
    });
  });
});
