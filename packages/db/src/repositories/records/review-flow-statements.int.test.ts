import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { insertWithGroup } from '../../support/group-commit.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { type CountedStatement, countStatements, dataStatements } from '../../testing/statement-counter.js';
import { queryAudit } from '../audit/audit.repository.js';
import * as observations from './observation.repository.js';
import * as reports from './progress-report.repository.js';
import type { Alongside } from './review-flow.js';

// The write path of a submission, counted in statements (round trips on PostgreSQL), not timed:
// a statement added to it fails here. Before the lookups were folded into the insert, a new
// observation took four (idempotency lookup, latest revision, revision, audit record) and a
// progress report six.
forEachDialect((name, open) => {
  describe('review flow write path', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let indicatorId: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      indicatorId = seeded.indicatorIds[2] ?? '';
    });

    const sent = (statements: CountedStatement[]) =>
      dataStatements(statements).map(
        (s) => `${s.kind === 'InsertQueryNode' ? 'insert' : 'select'} ${s.table}`,
      );
    const submitNew = (db: DatabaseHandle['db'], period: string, idempotencyKey: string) =>
      observations.submit(db, {
        ref: { indicatorId, period },
        actor: 'reporter',
        expectedRevision: 0,
        idempotencyKey,
        values: { value: 1 },
      });

    it('submits a new observation in one statement besides its audit record', async () => {
      const counted = countStatements(handle.db);
      await submitNew(counted.db, '2026-01', 'count-new-1');
      expect(sent(counted.statements)).toEqual(['insert observations', 'insert audit_log']);
    });

    it('writes the audit records and quality flags of a commit group in one multi-row insert each', async () => {
      const counted = countStatements(handle.db);
      const periods = [
        '2027-01',
        '2027-02',
        '2027-03',
        '2027-04',
        '2027-05',
        '2027-06',
        '2027-07',
        '2027-08',
      ];
      // The server's quality check stores its flags this way (alongside the revision, in its group).
      const flagged: Alongside<observations.ObservationRevision> = async (trx, revision) => {
        await insertWithGroup(trx, 'observation_quality_flags', {
          revision_id: revision.id,
          observation_key: revision.key,
          revision_no: revision.revisionNo,
          flags_json: '[]',
          checked_at: revision.createdAt,
        });
        return revision;
      };
      const stored = await Promise.all(
        periods.map((period) =>
          observations.submit(counted.db, {
            ref: { indicatorId, period },
            actor: 'reporter',
            expectedRevision: 0,
            idempotencyKey: `count-group-${period}`,
            values: { value: 1 },
            alongside: flagged,
          }),
        ),
      );
      expect(sent(counted.statements)).toEqual([
        ...periods.map(() => 'insert observations'),
        'insert audit_log',
        'insert observation_quality_flags',
      ]);
      for (const revision of stored) {
        const [audit] = await queryAudit(handle.db, { entity: 'observation', entityId: revision.key });
        expect(audit).toMatchObject({
          action: 'observation.submit',
          planId: seeded.planId,
          detail: { revisionId: revision.id, revisionNo: 1, status: 'submitted' },
        });
        const [withFlags] = await observations.history(handle.db, revision.key);
        expect(withFlags?.qualityFlags).toEqual([]);
      }
    });

    it('submits over an existing draft with one read (idempotency key and latest revision together)', async () => {
      const ref = { indicatorId, period: '2026-02' };
      await observations.saveDraft(handle.db, {
        ref,
        actor: 'reporter',
        expectedRevision: 0,
        values: { value: 1 },
      });
      const counted = countStatements(handle.db);
      const submitted = await observations.submit(counted.db, {
        ref,
        actor: 'reporter',
        expectedRevision: 1,
        idempotencyKey: 'count-2',
      });
      expect(submitted).toMatchObject({ revisionNo: 2, status: 'submitted', values: { value: 1 } });
      expect(sent(counted.statements)).toEqual([
        'select observations',
        'insert observations',
        'insert audit_log',
      ]);
    });

    it('submits a new progress report with its search entry in two statements besides its audit record', async () => {
      const counted = countStatements(handle.db);
      const ref = { taskId: seeded.taskIds[0] ?? '', period: '2026' };
      await reports.submit(counted.db, {
        ref,
        actor: 'reporter',
        expectedRevision: 0,
        idempotencyKey: 'count-report-1',
        values: { progress: 'in_progress', narrative: '折叠写入的进展说明' },
      });
      expect(sent(counted.statements)).toEqual([
        'insert progress_reports',
        'insert search_documents',
        'insert audit_log',
      ]);
      const indexed = await handle.db
        .selectFrom('search_documents')
        .select(['kind', 'plan_id', 'title', 'body'])
        .where('ref_id', '=', reports.progressReportKeyOf(ref))
        .executeTakeFirst();
      expect(indexed).toMatchObject({ kind: 'report', plan_id: seeded.planId, body: '折叠写入的进展说明' });
      expect(indexed?.title).toMatch(/（2026）$/);
    });

    it('refuses a new record whose key exists (expectedRevision 0) as stale, naming the current revision', async () => {
      await submitNew(handle.db, '2026-03', 'stale-first');
      await expect(submitNew(handle.db, '2026-03', 'stale-second')).rejects.toMatchObject({
        code: 'stale-revision',
        currentRevision: 1,
      });
      await expect(
        observations.submit(handle.db, {
          ref: { indicatorId, period: '2026-03' },
          actor: 'reporter',
          expectedRevision: 2,
          values: { value: 2 },
        }),
      ).rejects.toMatchObject({ code: 'stale-revision', currentRevision: 1 });
      expect(await observations.history(handle.db, { indicatorId, period: '2026-03' })).toHaveLength(1);
    });

    it('replays an idempotent submission in the same group and after it, with one revision and one audit record', async () => {
      const replays = await Promise.all(
        Array.from({ length: 5 }, () => submitNew(handle.db, '2026-04', 'replayed')),
      );
      const later = await submitNew(handle.db, '2026-04', 'replayed');
      expect(new Set([...replays, later].map((r) => r.id)).size).toBe(1);
      const key = replays[0]?.key ?? '';
      expect(await observations.history(handle.db, key)).toHaveLength(1);
      expect(await queryAudit(handle.db, { entity: 'observation', entityId: key })).toHaveLength(1);
      await expect(
        observations.saveDraft(handle.db, {
          ref: { indicatorId, period: '2026-05' },
          actor: 'reporter',
          expectedRevision: 0,
          idempotencyKey: 'replayed',
          values: { value: 1 },
        }),
      ).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    });

    it('lets exactly one of concurrent submissions to one key win; the others are stale, none is lost', async () => {
      const ref = { indicatorId, period: '2026-06' };
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          observations.submit(handle.db, {
            ref,
            actor: 'reporter',
            expectedRevision: 0,
            idempotencyKey: `race-${name}-${i}`,
            values: { value: i },
          }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const o of lost) expect(o.reason).toMatchObject({ code: 'stale-revision', currentRevision: 1 });
      const history = await observations.history(handle.db, ref);
      expect(history).toHaveLength(1);
      expect(
        await queryAudit(handle.db, { entity: 'observation', entityId: history[0]?.key ?? '' }),
      ).toHaveLength(1);
    });
  });
});
