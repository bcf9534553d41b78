import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { revisedSamplePlan } from '../../testing/sample-plan.js';
import { importPlanVersion } from '../plan/plan.repository.js';
import * as reports from '../records/progress-report.repository.js';
import type { SearchAudience } from './search-audience.js';
import { search } from './search.repository.js';

/** A reader who may see every indexed row (the planning office). */
const ALL: SearchAudience = { unpublishedFramework: true, records: 'all' };

forEachDialect((name, open) => {
  describe('search', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
    });

    it('finds a four-character term (trigram index) with a marked snippet and its source node', async () => {
      const hits = await search(handle.db, '国资国企', { audience: ALL, planId: seeded.planId });
      expect(hits.length).toBeGreaterThanOrEqual(2);
      const node = hits.find((h) => h.kind === 'node');
      expect(node).toMatchObject({ nodeKey: 'p3.c5.s1', planVersionId: seeded.versionId });
      expect(node?.snippet).toContain('【国资国企】');
      const task = hits.find((h) => h.kind === 'task');
      expect(task).toMatchObject({ title: '深化国资国企改革', nodeKey: 'p3.c5.s1' });
      expect(task?.snippet).toContain('【国资国企】');
      expect(hits.every((h) => h.source !== null && h.source.end > h.source.start)).toBe(true);
    });

    it('uses the dialect index for Chinese: FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL', async () => {
      const { db } = handle;
      if (name === 'sqlite') {
        const fts = await sql<{
          n: number;
        }>`select count(*) as n from search_fts where search_fts match '"国资国企"'`.execute(db);
        expect(fts.rows[0]?.n).toBeGreaterThan(0);
        // Trigrams cannot match two characters: the reason for the fallback scan.
        const short = await sql<{
          n: number;
        }>`select count(*) as n from search_fts where search_fts match '"人才"'`.execute(db);
        expect(short.rows[0]?.n).toBe(0);
      } else {
        const plan = await db.connection().execute(async (conn) => {
          await sql`set enable_seqscan = off`.execute(conn);
          const rows = await sql<{ 'QUERY PLAN': string }>`
            explain select doc_id from search_documents where body ilike '%国资国企%'
          `.execute(conn);
          await sql`reset enable_seqscan`.execute(conn);
          return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
        });
        expect(plan).toContain('search_documents_body_trgm');
        // Under a UTF-8 ctype pg_trgm extracts trigrams from Chinese; under `C` it would extract none.
        const trigrams = await sql<{ n: number }>`select array_length(show_trgm('国资国企'), 1) as n`.execute(
          db,
        );
        expect(trigrams.rows[0]?.n).toBeGreaterThan(0);
      }
    });

    it('finds a two-character term (fallback scan) with snippets and node keys', async () => {
      const hits = await search(handle.db, '人才', { audience: ALL, planId: seeded.planId, limit: 50 });
      expect(hits.length).toBeGreaterThanOrEqual(5);
      expect(hits.every((h) => h.snippet.includes('【人才】'))).toBe(true);
      expect(hits.some((h) => h.kind === 'indicator' && h.title === '新增人才数')).toBe(true);
      expect(hits.some((h) => h.kind === 'task' && h.title === '深化人才发展机制改革')).toBe(true);
      const nodes = hits.filter((h) => h.kind === 'node');
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((h) => h.nodeKey !== null && /^p\d+/.test(h.nodeKey))).toBe(true);
      const scores = hits.map((h) => h.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('finds a one-character term and combines terms with AND', async () => {
      expect(
        (await search(handle.db, '粮', { audience: ALL, planId: seeded.planId })).length,
      ).toBeGreaterThan(0);
      const both = await search(handle.db, '国资国企 区财政局', { audience: ALL, planId: seeded.planId });
      expect(both.length).toBeGreaterThan(0);
      expect(both.every((h) => `${h.title} ${h.snippet}`.includes('国资国企'))).toBe(true);
      expect(await search(handle.db, '不存在的词语组合', { audience: ALL, planId: seeded.planId })).toEqual(
        [],
      );
      expect(await search(handle.db, '   ', { audience: ALL })).toEqual([]);
    });

    it('treats query syntax as text and can mark hits as HTML', async () => {
      expect(await search(handle.db, '"OR" AND *', { audience: ALL, planId: seeded.planId })).toEqual([]);
      expect(await search(handle.db, '100%_', { audience: ALL, planId: seeded.planId })).toEqual([]);
      const html = await search(handle.db, '国资国企', {
        audience: ALL,
        planId: seeded.planId,
        kinds: ['task'],
        marks: 'html',
      });
      expect(html).toHaveLength(1);
      expect(html[0]?.snippet).toContain('<mark>国资国企</mark>');
    });

    it('searches progress reports, linked to their task node', async () => {
      const taskId = seeded.taskIds[0] ?? '';
      await reports.submit(handle.db, {
        ref: { taskId, period: '2026' },
        actor: 'dept',
        expectedRevision: 0,
        values: {
          progress: 'in_progress',
          narrative: '已组建区属国有企业集团，完成混合所有制改革试点方案。',
        },
      });
      const hits = await search(handle.db, '混合所有制', { audience: ALL, kinds: ['report'] });
      expect(hits).toEqual([
        expect.objectContaining({ kind: 'report', id: `${taskId}|2026`, nodeKey: 'p3.c5.s1' }),
      ]);
      expect(hits[0]?.snippet).toContain('【混合所有制】');
      const short = await search(handle.db, '试点', { audience: ALL, kinds: ['report'] });
      expect(short).toHaveLength(1);
    });

    it('shows the newest version only after a revised outline is imported', async () => {
      const before = await search(handle.db, '粮食综合生产能力', {
        audience: ALL,
        planId: seeded.planId,
        kinds: ['indicator'],
      });
      expect(before).toHaveLength(1);
      const { text, model } = revisedSamplePlan();
      const { versionId } = await importPlanVersion(handle.db, { model, text, actor: 'office' });
      const after = await search(handle.db, '粮食综合生产能力', {
        audience: ALL,
        planId: seeded.planId,
        kinds: ['indicator'],
      });
      expect(after).toEqual([]);
      const nodes = await search(handle.db, '国资国企', {
        audience: ALL,
        planId: seeded.planId,
        kinds: ['node'],
      });
      expect(nodes.every((h) => h.planVersionId === versionId)).toBe(true);
      expect((await search(handle.db, '混合所有制', { audience: ALL, kinds: ['report'] })).length).toBe(1);
    });
  });
});
