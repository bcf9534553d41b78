import { describe, expect, it } from 'vitest';
import { faultProblem } from './fault-problem.js';

/** An error as Node.js, better-sqlite3 or node-postgres raise it: a message and a code. */
function coded(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

describe('faultProblem', () => {
  it.each([
    ['ENOSPC', 507, 'storage-full'],
    ['SQLITE_FULL', 507, 'storage-full'],
    ['53100', 507, 'storage-full'],
    ['EROFS', 503, 'storage-read-only'],
    ['EACCES', 503, 'storage-read-only'],
    ['SQLITE_READONLY_DBMOVED', 503, 'storage-read-only'],
    ['ECONNREFUSED', 503, 'database-unavailable'],
    ['57P01', 503, 'database-unavailable'],
    ['08006', 503, 'database-unavailable'],
  ])('names %s as %i %s, in Chinese and English', (code, status, name) => {
    const found = faultProblem(coded(code));
    expect(found).toMatchObject({ status, code: name });
    expect(found?.messages.zh).toMatch(/存储空间不足|存储只读|数据库不可用/);
    expect(found?.messages.en).not.toContain(code);
  });

  it('finds the fault in a cause or an AggregateError (a refused connection to every address)', () => {
    expect(faultProblem(new Error('wrapped', { cause: coded('ENOSPC') }))?.code).toBe('storage-full');
    expect(faultProblem(new AggregateError([coded('ECONNREFUSED')]))?.code).toBe('database-unavailable');
  });

  it('knows node-postgres messages without a code', () => {
    expect(faultProblem(new Error('Connection terminated unexpectedly'))?.code).toBe('database-unavailable');
    expect(faultProblem(new Error('timeout exceeded when trying to connect'))?.code).toBe(
      'database-unavailable',
    );
  });

  it('leaves other errors alone', () => {
    expect(faultProblem(new Error('boom'))).toBeNull();
    expect(faultProblem(coded('23505'))).toBeNull();
    expect(faultProblem('text')).toBeNull();
  });
});
