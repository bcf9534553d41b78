import { describe, expect, it } from 'vitest';
import { decodeCell, encodeCell, headerProblem, isCell } from './backup-format.js';
import { type CatalogTable, foreignKeyOrder } from './table-catalog.js';

describe('backup cells', () => {
  it('round-trips what JSON cannot hold', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const cell = encodeCell(value);
      expect(isCell(JSON.parse(JSON.stringify(cell)))).toBe(true);
      expect(decodeCell(cell, 'postgres')).toBe(value);
    }
    const bytes = Buffer.from([0, 1, 254, 255]);
    expect(decodeCell(encodeCell(bytes), 'sqlite')).toEqual(bytes);
    expect(encodeCell(new Date('2026-03-01T08:00:00.000Z'))).toBe('2026-03-01T08:00:00.000Z');
    expect(encodeCell(undefined)).toBeNull();
  });

  it('stores booleans as 0/1 on SQLite only', () => {
    expect(decodeCell(true, 'sqlite')).toBe(1);
    expect(decodeCell(false, 'sqlite')).toBe(0);
    expect(decodeCell(true, 'postgres')).toBe(true);
  });

  it('refuses malformed cells and headers', () => {
    expect(isCell({ $bytes: 'AA==', extra: 1 })).toBe(false);
    expect(isCell([1])).toBe(false);
    expect(headerProblem({ format: 'something-else' })).toMatch(/format/);
    expect(
      headerProblem({
        format: 'plantrack-backup',
        formatVersion: 1,
        createdAt: 'x',
        dialect: 'sqlite',
        migrations: ['0001'],
        tables: [
          { name: 'a', columns: ['id'], rows: 1 },
          { name: 'a', columns: ['id'], rows: 1 },
        ],
      }),
    ).toMatch(/twice/);
  });
});

describe('foreign-key order', () => {
  const table = (name: string, refs: string[]): CatalogTable => ({
    name,
    columns: ['id'],
    primaryKey: ['id'],
    foreignKeys: refs.map((r) => ({ columns: [`${r}_id`], table: r, refColumns: ['id'] })),
    identityAlways: false,
  });

  it('puts parents first and ignores self-references', () => {
    const ordered = foreignKeyOrder([table('c', ['b', 'c']), table('b', ['a']), table('a', [])]);
    expect(ordered.map((t) => t.name)).toEqual(['a', 'b', 'c']);
  });

  it('names a cycle', () => {
    expect(() => foreignKeyOrder([table('x', ['y']), table('y', ['x'])])).toThrow(/cycle between x, y/);
  });
});
