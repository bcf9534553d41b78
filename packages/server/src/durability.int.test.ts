import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { listIndicators, listPlans } from '@plantrack/db';
import { describe, expect, it } from 'vitest';
import { TEST_PG_URL, forEachDialect } from '../../db/src/testing/dialects.js';
import {
  CLI_MAIN,
  type HttpAnswer,
  type ServeProcess,
  type ServeStore,
  httpJson,
  issueApiToken,
  startServeProcess,
} from './testing/serve-process.js';
import {
  type StoredRevision,
  revisionsByKeyPrefix,
  revisionsWithQualityFlags,
  sqliteIntegrity,
  submissionAudits,
} from './testing/submission-records.js';

/**
 * Durability of the submit endpoint: the real `plantrack serve` process is killed with SIGKILL
 * while 1,000 submissions are in flight, then restarted on the same database. Every submission
 * the server acknowledged must be there exactly once with its values; no revision may lack its
 * audit record (written in the same transaction) and no audit record may lack its revision;
 * retrying all 1,000 with their idempotency keys must create no duplicates. On PostgreSQL each
 * revision and its audit record must carry the same transaction id (xmin), so writing them in two
 * transactions fails even when the kill does not land between the two.
 */
const SUBMISSIONS = 1_000;
const KILL_AFTER_ACKNOWLEDGED = 300;
const RETRY_CONCURRENCY = 50;
const SOURCE = '耐久性测试合成数据（非真实统计） / synthetic durability test data';
const MONTHS = Array.from(
  { length: 120 },
  (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

if (!existsSync(CLI_MAIN)) {
  console.warn(`durability.int.test.ts skipped: ${CLI_MAIN} is missing; run \`npm run build\` first.`);
}

type Submission = { indicatorId: string; period: string; value: number; idempotencyKey: string };
type Acknowledged = { submission: Submission; revisionId: string };

function submissionsFor(indicatorIds: readonly string[], run: string): Submission[] {
  return Array.from({ length: SUBMISSIONS }, (_, i) => ({
    indicatorId: indicatorIds[i % indicatorIds.length] ?? '',
    period: MONTHS[Math.floor(i / indicatorIds.length) % MONTHS.length] ?? '',
    value: i + 0.25,
    idempotencyKey: `${run}-${String(i).padStart(4, '0')}`,
  }));
}

function submit(address: string, token: string, s: Submission): Promise<HttpAnswer> {
  return httpJson(address, {
    method: 'POST',
    path: '/api/observations',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': s.idempotencyKey },
    body: {
      indicatorId: s.indicatorId,
      period: s.period,
      action: 'submit',
      expectedRevision: 0,
      values: { value: s.value, source: SOURCE },
    },
  });
}

/** Fires every submission at once; SIGKILLs the server when `killAfter` have been acknowledged. */
async function submitUntilKilled(
  server: ServeProcess,
  token: string,
  submissions: readonly Submission[],
  killAfter: number,
): Promise<{ acknowledged: Acknowledged[]; refused: HttpAnswer[] }> {
  const acknowledged: Acknowledged[] = [];
  const refused: HttpAnswer[] = [];
  await Promise.allSettled(
    submissions.map(async (s) => {
      const answer = await submit(server.address, token, s);
      if (answer.status !== 201) {
        refused.push(answer);
        return;
      }
      acknowledged.push({ submission: s, revisionId: (answer.body as { id: string }).id });
      if (acknowledged.length === killAfter) server.child.kill('SIGKILL');
    }),
  );
  return { acknowledged, refused };
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    results.push(...(await Promise.all(items.slice(i, i + limit).map(task))));
  }
  return results;
}

/** Revisions and audit records match one to one (and, on PostgreSQL, share their transaction). */
function expectWholeRecords(
  revisions: readonly StoredRevision[],
  audits: Awaited<ReturnType<typeof submissionAudits>>,
): void {
  const auditByRevision = new Map(audits.map((a) => [a.revisionId, a]));
  expect(auditByRevision.size, 'one audit record per revision id').toBe(audits.length);
  for (const r of revisions) {
    const audit = auditByRevision.get(r.id);
    expect(audit, `audit record of revision ${r.id}`).toBeDefined();
    expect(audit?.entityId).toBe(r.key);
    expect(audit?.writtenBy, `revision ${r.id} and its audit record in one transaction`).toBe(r.writtenBy);
  }
  const revisionIds = new Set(revisions.map((r) => r.id));
  const orphans = audits.filter((a) => a.revisionId === null || !revisionIds.has(a.revisionId));
  expect(orphans, 'audit records without their revision').toEqual([]);
}

describe.skipIf(!existsSync(CLI_MAIN))('durability: SIGKILL during 1,000 concurrent submissions', () => {
  forEachDialect((dialect, open) => {
    it('keeps every acknowledged submission exactly once and whole; retries create no duplicates', async () => {
      const handle = await open();
      const store: ServeStore =
        dialect === 'sqlite'
          ? { dataDir: dirname(handle.location) }
          : {
              databaseUrl: Object.assign(new URL(TEST_PG_URL), {
                pathname: new URL(handle.location).pathname,
              }).href,
            };
      let server = await startServeProcess(store, { expectFirstAdmin: true });
      try {
        const admin = server.firstAdmin;
        if (admin === null) throw new Error('The first start should print the first administrator.');
        const token = await issueApiToken(server.address, admin.email, admin.password);
        const me = await httpJson(server.address, {
          method: 'GET',
          path: '/api/me',
          headers: { authorization: `Bearer ${token}` },
        });
        const actor = (me.body as { id: string }).id;
        const [plan] = await listPlans(handle.db);
        const indicatorIds = (await listIndicators(handle.db, plan?.id ?? '')).map((i) => i.indicatorId);
        expect(indicatorIds.length).toBeGreaterThan(10);
        const run = `durability-${dialect}-${Date.now().toString(36)}`;
        const submissions = submissionsFor(indicatorIds, run);

        const { acknowledged, refused } = await submitUntilKilled(
          server,
          token,
          submissions,
          KILL_AFTER_ACKNOWLEDGED,
        );
        expect(await server.exited).toBeNull();
        expect(
          refused.map((r) => r.status),
          'no submission answered with an error',
        ).toEqual([]);
        expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
        expect(acknowledged.length, 'the kill interrupted the run').toBeLessThan(SUBMISSIONS);

        server = await startServeProcess(store, { expectFirstAdmin: false });
        if (dialect === 'sqlite') expect(await sqliteIntegrity(handle.db)).toEqual(['ok']);

        // Every acknowledged submission survived, once, with its values, and is served again.
        const afterKill = await revisionsByKeyPrefix(handle.db, dialect, run);
        const byIdempotencyKey = new Map(afterKill.map((r) => [r.idempotencyKey, r]));
        expect(byIdempotencyKey.size, 'one revision per idempotency key').toBe(afterKill.length);
        expect(new Set(afterKill.map((r) => r.key)).size, 'one revision per observation').toBe(
          afterKill.length,
        );
        for (const { submission, revisionId } of acknowledged) {
          const stored = byIdempotencyKey.get(submission.idempotencyKey);
          expect(stored?.id).toBe(revisionId);
          expect(stored).toMatchObject({
            key: `${submission.indicatorId}|${submission.period}|`,
            revisionNo: 1,
            status: 'submitted',
            action: 'submit',
            value: submission.value,
            source: SOURCE,
            createdBy: actor,
          });
        }
        expectWholeRecords(afterKill, await submissionAudits(handle.db, dialect, actor));
        // The answer is sent after the quality flags are stored: an acknowledged revision has them.
        const flagged = await revisionsWithQualityFlags(
          handle.db,
          acknowledged.map((a) => a.revisionId),
        );
        expect(flagged.size).toBe(acknowledged.length);
        // The store was checked above for all of them; the restarted API is asked for a sample.
        const sample = acknowledged.filter((_, n) => n % 10 === 0);
        const histories = await inBatches(sample, RETRY_CONCURRENCY, ({ submission }) =>
          httpJson(server.address, {
            method: 'GET',
            path: `/api/observations/${encodeURIComponent(`${submission.indicatorId}|${submission.period}|`)}/history`,
            headers: { authorization: `Bearer ${token}` },
          }),
        );
        histories.forEach((h, n) => {
          expect(h.status).toBe(200);
          expect((h.body as { id: string }[]).map((r) => r.id)).toEqual([sample[n]?.revisionId]);
        });

        // Retrying everything with the same idempotency keys: all succeed, nothing is duplicated.
        const retried = await inBatches(submissions, RETRY_CONCURRENCY, (s) =>
          submit(server.address, token, s),
        );
        expect(retried.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
        const firstIds = new Map(acknowledged.map((a) => [a.submission.idempotencyKey, a.revisionId]));
        retried.forEach((r, n) => {
          const first = firstIds.get(submissions[n]?.idempotencyKey ?? '');
          if (first !== undefined) expect((r.body as { id: string }).id).toBe(first);
        });
        const final = await revisionsByKeyPrefix(handle.db, dialect, run);
        expect(final).toHaveLength(SUBMISSIONS);
        expect(new Set(final.map((r) => r.key)).size).toBe(SUBMISSIONS);
        expectWholeRecords(final, await submissionAudits(handle.db, dialect, actor));
        const flaggedFinal = await revisionsWithQualityFlags(
          handle.db,
          final.map((r) => r.id),
        );
        expect(flaggedFinal.size, 'a retry stores the flags a crash left out').toBe(SUBMISSIONS);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      // Most of the time is 2,000 submissions through one server process; the margin is for busy machines.
    }, 240_000);
  });
});
