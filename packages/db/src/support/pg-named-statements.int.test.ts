import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TEST_PG_URL, openTempPostgres } from '../testing/dialects.js';
import { StatementNames } from './pg-named-statements.js';

describe('StatementNames', () => {
  it('names a parameterised read or write from its second run on, with the same name each time', () => {
    const names = new StatementNames();
    const text = 'select name from indicators where id = $1';
    expect(names.nameOf(text, ['a'])).toBeNull();
    const name = names.nameOf(text, ['b']);
    expect(name).toMatch(/^pt_[\w-]{24}$/);
    expect(names.nameOf(text, ['c'])).toBe(name);
    expect(names.nameOf('  WITH x as (select $1::int) select * from x', [1])).toBeNull();
    expect(names.nameOf('  WITH x as (select $1::int) select * from x', [1])).toMatch(/^pt_/);
  });

  it('never names a text without parameters, DDL, a transaction command or a LIKE pattern', () => {
    const names = new StatementNames();
    for (const text of ['select 1', 'create table t (n int); create index on t (n)', 'begin', 'commit']) {
      for (let i = 0; i < 3; i++) expect(names.nameOf(text, [])).toBeNull();
    }
    for (let i = 0; i < 3; i++)
      expect(names.nameOf('alter table t add column m int default $1', [1])).toBeNull();
    const search = 'select id from documents where title ilike $1 or body ILIKE $1';
    for (let i = 0; i < 3; i++) expect(names.nameOf(search, ['%规划%'])).toBeNull();
  });

  it('names at most 256 texts; later texts run unnamed', () => {
    const names = new StatementNames();
    const named = (i: number) => {
      const text = `select $1::int + ${i}`;
      names.nameOf(text, [i]);
      return names.nameOf(text, [i]);
    };
    for (let i = 0; i < 256; i++) expect(named(i)).not.toBeNull();
    expect(named(256)).toBeNull();
    expect(named(0)).not.toBeNull();
  });
});

// Through the store's own pool: a query run again is prepared on its connection under its name,
// and the answers are the same as unnamed.
describe.skipIf(process.env.PLANTRACK_SKIP_POSTGRES === '1')('named statements on PostgreSQL', () => {
  it('prepares a repeated query on the connection that runs it', async () => {
    const { handle, cleanup } = await openTempPostgres(TEST_PG_URL);
    try {
      const prepared = await handle.db.connection().execute(async (conn) => {
        const answers: unknown[] = [];
        for (const n of [1, 2, 3]) {
          answers.push((await sql<{ m: number }>`select ${n}::int * 2 as m`.execute(conn)).rows);
        }
        expect(answers).toEqual([[{ m: 2 }], [{ m: 4 }], [{ m: 6 }]]);
        const statements = sql<{
          name: string;
          statement: string;
        }>`select name, statement from pg_prepared_statements`;
        return (await statements.execute(conn)).rows;
      });
      const ours = prepared.filter((r) => r.statement.includes('* 2 as m'));
      expect(ours.map((r) => r.statement)).toEqual(['select $1::int * 2 as m']);
      expect(ours[0]?.name).toMatch(/^pt_/);
    } finally {
      await cleanup();
    }
  });
});
