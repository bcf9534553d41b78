import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connection.factory.js';
import { appendAudit, queryAudit } from '../repositories/audit/audit.repository.js';
import type { Database } from '../schema/database.schema.js';
import { forEachDialect } from '../testing/dialects.js';
import { countStatements } from '../testing/statement-counter.js';
import { groupedWriteTransaction } from './group-commit.js';
import { writeTransaction } from './dialect.js';

forEachDialect((name, open) => {
  describe('groupedWriteTransaction', () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await open();
    });

    const audited = (db: Kysely<Database>, entityId: string) =>
      appendAudit(db, { actor: 'group-test', action: 'test.write', entity: 'test', entityId });
    const stored = async (entityIds: string[]) => {
      const entries = await queryAudit(handle.db, { actor: 'group-test', limit: 1000 });
      return entries.map((e) => e.entityId).filter((id) => entityIds.includes(id));
    };

    it('commits concurrent units together; a failing unit undoes only its own writes', async () => {
      const ids = Array.from({ length: 40 }, (_, i) => `unit-${i}`);
      const outcomes = await Promise.allSettled(
        ids.map((id, i) =>
          groupedWriteTransaction(handle.db, async (trx) => {
            await audited(trx, id);
            if (i % 10 === 3) throw new Error(`unit ${i} refused`);
            return id;
          }),
        ),
      );
      const failed = ids.filter((_, i) => i % 10 === 3);
      expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(failed.length);
      expect((await stored(ids)).sort()).toEqual(ids.filter((id) => !failed.includes(id)).sort());
    });

    it('keeps the other units when one breaks a unique constraint (PostgreSQL aborts the whole transaction without a savepoint)', async () => {
      const [first] = await stored(['unit-0']);
      expect(first).toBe('unit-0');
      const [existing] = await queryAudit(handle.db, { actor: 'group-test', limit: 1 });
      if (existing === undefined) throw new Error('the first test stores audit records');
      const ids = Array.from({ length: 10 }, (_, i) => `unique-${i}`);
      const outcomes = await Promise.allSettled([
        ...ids.map((id) => groupedWriteTransaction(handle.db, (trx) => audited(trx, id))),
        groupedWriteTransaction(handle.db, (trx) =>
          trx
            .insertInto('audit_log')
            .values({
              id: existing.id,
              at: existing.at,
              actor: 'group-test',
              action: 'test.duplicate',
              entity: 'test',
              entity_id: 'duplicate',
              plan_id: null,
              detail_json: 'null',
            })
            .execute(),
        ),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([...ids.map(() => 'fulfilled'), 'rejected']);
      expect((await stored(ids)).sort()).toEqual(ids.sort());
    });

    it('settles a unit only after its group committed', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          groupedWriteTransaction(handle.db, (trx) => audited(trx, `visible-${i}`)).then(async (entry) => {
            // Read outside any transaction: the write must already be committed.
            const seen = await handle.db
              .selectFrom('audit_log')
              .select('id')
              .where('id', '=', entry.id)
              .executeTakeFirst();
            return seen !== undefined;
          }),
        ),
      );
      expect(results.every(Boolean)).toBe(true);
    });

    it('runs every unit again on its own when the shared transaction fails as a whole', async () => {
      const ids = Array.from({ length: 8 }, (_, i) => `retry-${i}`);
      let saboteurRuns = 0;
      const outcomes = await Promise.allSettled([
        ...ids.map((id) => groupedWriteTransaction(handle.db, (trx) => audited(trx, id))),
        // Releasing the unit's savepoint itself makes the group's own release fail.
        groupedWriteTransaction(handle.db, async (trx) => {
          saboteurRuns++;
          await sql`release savepoint grouped_unit`.execute(trx);
        }),
      ]);
      // In the group without savepoints, in the group with them, and alone.
      expect(saboteurRuns).toBe(3);
      expect(outcomes.map((o) => o.status)).toEqual([...ids.map(() => 'fulfilled'), 'rejected']);
      expect((await stored(ids)).sort()).toEqual(ids.sort());
    });

    it('runs a unit that lost a lock (a PostgreSQL deadlock) again on its own after its group', async () => {
      const ids = Array.from({ length: 6 }, (_, i) => `lock-${i}`);
      let runs = 0;
      const outcomes = await Promise.allSettled([
        ...ids.map((id) => groupedWriteTransaction(handle.db, (trx) => audited(trx, id))),
        groupedWriteTransaction(handle.db, async (trx) => {
          runs++;
          await audited(trx, `lock-loser-${runs}`);
          // The error PostgreSQL raises on the victim of a deadlock: in the group without
          // savepoints and again in the group with them; alone, it gets its lock.
          if (runs <= 2) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
          return runs;
        }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([...ids.map(() => 'fulfilled'), 'fulfilled']);
      expect(runs).toBe(3);
      const losers = ['lock-loser-1', 'lock-loser-2', 'lock-loser-3'];
      expect((await stored([...ids, ...losers])).sort()).toEqual([...ids, 'lock-loser-3'].sort());
    });

    it('joins the transaction it is called in', async () => {
      await expect(
        writeTransaction(handle.db, async (trx) => {
          await groupedWriteTransaction(trx, (inner) => audited(inner, 'joined'));
          throw new Error('outer rollback');
        }),
      ).rejects.toThrow('outer rollback');
      expect(await stored(['joined'])).toEqual([]);
    });

    if (name === 'sqlite') {
      it('waits for units that keep arriving over the next turns of the event loop (one writer)', async () => {
        const counted = countStatements(handle.db);
        const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
        const units: Promise<unknown>[] = [];
        for (let turn = 0; turn < 3; turn++) {
          units.push(groupedWriteTransaction(counted.db, (trx) => audited(trx, `gathered-${turn}`)));
          await nextTurn();
        }
        await Promise.all(units);
        // One BEGIN IMMEDIATE and one COMMIT: the three units shared a transaction.
        expect(counted.statements.filter((s) => s.kind === 'RawNode')).toHaveLength(2);
        expect((await stored(['gathered-0', 'gathered-1', 'gathered-2'])).sort()).toEqual([
          'gathered-0',
          'gathered-1',
          'gathered-2',
        ]);
      });
    }

    if (name === 'postgres') {
      it('shares transactions between units that arrive together', async () => {
        const txids = await Promise.all(
          Array.from({ length: 30 }, () =>
            groupedWriteTransaction(handle.db, async (trx) => {
              const { rows } = await sql<{ txid: string }>`select txid_current()::text as txid`.execute(trx);
              return rows[0]!.txid;
            }),
          ),
        );
        expect(new Set(txids).size).toBeLessThan(txids.length / 2);
      });
    }
  });
});
