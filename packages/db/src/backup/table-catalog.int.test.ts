import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../testing/dialects.js';
import { MIGRATOR_TABLES, TRANSIENT_TABLES, dataTables } from './table-catalog.js';

/** SQLite's FTS5 mirror of `search_documents` (migration 0006) and its shadow tables: derived, rebuilt on restore. */
const DERIVED_SQLITE_TABLES = /^search_fts(_(data|idx|docsize|config|content))?$/;

forEachDialect((name, open) => {
  describe('backup table coverage', () => {
    it('covers every table of the migrated schema except the documented exclusions', async () => {
      const { db } = await open();
      const raw =
        name === 'sqlite'
          ? await sql<{ name: string }>`
              select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
            `.execute(db)
          : await sql<{ name: string }>`
              select tablename as name from pg_tables where schemaname = current_schema()
            `.execute(db);
      const expected = raw.rows
        .map((r) => r.name)
        .filter((t) => !MIGRATOR_TABLES.includes(t) && !TRANSIENT_TABLES.includes(t))
        .filter((t) => name !== 'sqlite' || !DERIVED_SQLITE_TABLES.test(t))
        .sort();
      const covered = (await dataTables(db)).map((t) => t.name).sort();
      // A table missing here would be skipped by every backup: it fails this test instead.
      expect(covered).toEqual(expected);
      for (const transient of TRANSIENT_TABLES) expect(raw.rows.map((r) => r.name)).toContain(transient);
    });

    it('lists tables in foreign-key order with their keys', async () => {
      const { db } = await open();
      const tables = await dataTables(db);
      const position = new Map(tables.map((t, i) => [t.name, i]));
      for (const [i, table] of tables.entries()) {
        for (const fk of table.foreignKeys) expect(position.get(fk.table)).toBeLessThanOrEqual(i);
      }
      expect(tables.find((t) => t.name === 'user_roles')?.primaryKey).toEqual(['user_id', 'role']);
      expect(tables.find((t) => t.name === 'observations')?.foreignKeys).toContainEqual({
        columns: ['supersedes_id'],
        table: 'observations',
        refColumns: ['id'],
      });
    });
  });
});
