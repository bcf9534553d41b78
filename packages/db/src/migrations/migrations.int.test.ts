import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME, openDatabase } from '../connection.factory.js';
import { forEachDialect } from '../testing/dialects.js';
import { MIGRATIONS, migrateToLatest } from './migration.provider.js';

const TABLES = [
  'plans',
  'plan_versions',
  'outline_nodes',
  'indicators',
  'indicator_versions',
  'commitments',
  'tasks',
  'task_versions',
  'task_departments',
  'departments',
  'department_aliases',
  'users',
  'user_roles',
  'api_tokens',
  'reporting_cycles',
  'observations',
  'progress_reports',
  'reference_series',
  'reference_points',
  'evidence_files',
  'notifications',
  'framework_edits',
  'audit_log',
  'search_documents',
];

forEachDialect((name, open) => {
  describe('migrations', () => {
    it('bring an empty database to the latest schema, and a second run does nothing', async () => {
      const { db } = await open({ migrate: false });
      const first = await migrateToLatest(db);
      expect(first.map((r) => [r.migrationName, r.status])).toEqual(
        Object.keys(MIGRATIONS).map((m) => [m, 'Success']),
      );
      expect(await migrateToLatest(db)).toEqual([]);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const table of TABLES) expect(tables).toContain(table);
    });

    it('creates the dialect-specific search index', async () => {
      const { db } = await open();
      if (name === 'sqlite') {
        const fts = await sql<{
          name: string;
        }>`select name from sqlite_master where name = 'search_fts'`.execute(db);
        expect(fts.rows).toHaveLength(1);
      } else {
        const ext = await sql<{
          extname: string;
        }>`select extname from pg_extension where extname = 'pg_trgm'`.execute(db);
        expect(ext.rows).toHaveLength(1);
        const idx = await sql<{ indexname: string }>`
          select indexname from pg_indexes where tablename = 'search_documents' and indexdef like '%gin_trgm_ops%'
        `.execute(db);
        expect(idx.rows.map((r) => r.indexname).sort()).toEqual([
          'search_documents_body_trgm',
          'search_documents_title_trgm',
        ]);
      }
    });

    it('enforces foreign keys', async () => {
      const { db } = await open();
      await expect(
        db
          .insertInto('plan_versions')
          .values({
            id: 'v',
            plan_id: 'no-such-plan',
            version_no: 1,
            text_sha256: 'x',
            source_text: '',
            model_version: '1.0.0',
            model_json: '{}',
            diff_json: '{}',
            created_at: '2026-01-01T00:00:00.000Z',
            created_by: 'test',
          })
          .execute(),
      ).rejects.toThrow(/foreign key/i);
    });
  });
});

describe('openDatabase (SQLite)', () => {
  it('creates the data folder and one WAL file with foreign keys on', async () => {
    const root = mkdtempSync(join(tmpdir(), 'plantrack-open-'));
    const dataDir = join(root, 'nested', 'data');
    const handle = openDatabase({ dataDir });
    try {
      expect(handle.dialect).toBe('sqlite');
      expect(handle.location).toBe(join(dataDir, SQLITE_FILE_NAME));
      expect(existsSync(handle.location)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
      expect(sync.rows[0]?.synchronous).toBe(1);
    } finally {
      await handle.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('selects PostgreSQL for postgres:// URLs and refuses unknown schemes', async () => {
    const handle = openDatabase({ url: 'postgresql://u:secret@127.0.0.1:1/none' });
    expect(handle.dialect).toBe('postgres');
    expect(handle.location).not.toContain('secret');
    await handle.close();
    expect(() => openDatabase({ url: 'mysql://x' })).toThrow(/Unrecognised database URL/);
  });
});
