import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connection.factory.js';
import { forEachDialect } from '../testing/dialects.js';
import { countStatements } from '../testing/statement-counter.js';
import { writeTransaction } from './dialect.js';
import { reusableQuery } from './reusable-query.js';

forEachDialect((name, open) => {
  describe('reusableQuery', () => {
    let handle: DatabaseHandle;
    let builds = 0;
    const setting = reusableQuery((db, args: { key: string }) => {
      builds++;
      return db.selectFrom('instance_settings').select(['key', 'value']).where('key', '=', args.key);
    });
    const putSetting = reusableQuery((db, args: { key: string; value: string; at: string }) =>
      db
        .insertInto('instance_settings')
        .values({ key: args.key, value: args.value, updated_at: args.at })
        .returning('key'),
    );

    beforeAll(async () => {
      handle = await open();
    });

    it('runs each call with its own values and compiles the query once', async () => {
      const at = new Date().toISOString();
      await putSetting(handle.db, { key: `${name}-a`, value: '"A"', at });
      await putSetting(handle.db, { key: `${name}-b`, value: '"B"', at });
      const before = builds;
      expect(await setting(handle.db, { key: `${name}-a` })).toEqual([{ key: `${name}-a`, value: '"A"' }]);
      expect(await setting(handle.db, { key: `${name}-b` })).toEqual([{ key: `${name}-b`, value: '"B"' }]);
      expect(await setting(handle.db, { key: `${name}-none` })).toEqual([]);
      expect(builds - before).toBeLessThanOrEqual(1);
    });

    it('runs inside a transaction, which sees its own writes and undoes them on error', async () => {
      const at = new Date().toISOString();
      await expect(
        writeTransaction(handle.db, async (trx) => {
          await putSetting(trx, { key: `${name}-t`, value: '"T"', at });
          expect(await setting(trx, { key: `${name}-t` })).toHaveLength(1);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await setting(handle.db, { key: `${name}-t` })).toEqual([]);
    });

    it('runs the plugins of an instance that has them (a statement counter sees the query)', async () => {
      const counted = countStatements(handle.db);
      expect(await setting(counted.db, { key: `${name}-a` })).toHaveLength(1);
      expect(counted.statements).toEqual([{ kind: 'SelectQueryNode', table: 'instance_settings' }]);
    });

    it('refuses a call that leaves an argument out, instead of running a query of another shape', async () => {
      await expect(setting(handle.db, {} as { key: string })).rejects.toThrow('no value for "key"');
    });
  });
});
