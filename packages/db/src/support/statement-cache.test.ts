import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec('create table t (n integer); insert into t values (1), (2), (3);');

  it('hands out the same prepared statement for the same SQL text', () => {
    const db = withStatementCache(sqlite);
    const a = db.prepare('select n from t where n > ?');
    expect(db.prepare('select n from t where n > ?')).toBe(a);
    expect(a.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('prepares a fresh statement while the cached one is busy iterating', () => {
    const db = withStatementCache(sqlite);
    const first = db.prepare('select n from t order by n') as SqliteDatabase.Statement;
    const rows = first.iterate();
    rows.next();
    const second = db.prepare('select n from t order by n');
    expect(second).not.toBe(first);
    expect(second.all([])).toHaveLength(3);
    rows.return?.();
    expect(db.prepare('select n from t order by n')).toBe(first);
  });

  it('keeps at most max statements, dropping the least recently used', () => {
    const db = withStatementCache(sqlite, 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // now the most recent
    db.prepare('select 3'); // drops 'select 2'
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });
});
