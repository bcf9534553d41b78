import { existsSync } from 'node:fs';
import { listIndicators, listPlans } from '@plantrack/db';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../db/src/testing/dialects.js';
import { allEvidenceRecords } from '../../db/src/testing/durability-records.js';
import { setUpParties } from './testing/burst-parties.js';
import {
  burstFigures,
  expectBurstKept,
  leftoverEvidenceFiles,
  storedProjectReports,
} from './testing/mixed-burst-checks.js';
import {
  type BurstAction,
  acknowledges,
  evidenceAction,
  fireUntilKilled,
  inBatches,
  interleave,
  observationKeyOf,
  progressReportAt,
  projectMonthOf,
  projectReportAt,
  reviewAt,
  send,
  submissionAt,
  templateUploads,
} from './testing/mixed-burst.js';
import {
  CLI_MAIN,
  type HttpAnswer,
  type ServeProcess,
  httpJson,
  issueApiToken,
  startServeProcess,
} from './testing/serve-process.js';
import {
  revisionsByKeyPrefix,
  revisionsWithQualityFlags,
  sqliteIntegrity,
  expectWholeRecords,
  submissionAudits,
} from '../../db/src/testing/submission-records.js';
import { countKinds, plantLeftovers, removeDataDirs, storeOf } from './testing/durability-store.js';

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

afterAll(removeDataDirs);

describe.skipIf(!existsSync(CLI_MAIN))('durability: SIGKILL during 1,000 concurrent submissions', () => {
  forEachDialect((dialect, open) => {
    it('keeps every acknowledged submission exactly once and whole; retries create no duplicates', async () => {
      const handle = await open();
      const { store } = storeOf(dialect, handle);
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

/**
 * The same guarantees for every kind of write, fired together: a reporter's first submissions,
 * progress reports, evidence uploads, Excel template uploads and major projects' monthly reports,
 * and a reviewer's approvals and returns of revisions submitted beforehand. The server is SIGKILLed mid-burst and restarted
 * (orphan grace period 0): every acknowledged action is in the store exactly once, every revision
 * has its audit record, every evidence row its bytes, and no temporary or orphan file is left.
 * Retrying every action afterwards completes the rest without duplicating anything (a project
 * report carries no idempotency key: only the months not stored are sent again).
 */
const MIX = {
  seeded: 200,
  approvals: 70,
  returns: 70,
  evidence: 80,
  submissions: 150,
  reports: 100,
  templates: 8,
  projectReports: 200,
};
const MIX_KILL_AFTER = 150;
const NO_GRACE = { PLANTRACK_EVIDENCE_ORPHAN_GRACE_MS: '0' };

describe.skipIf(!existsSync(CLI_MAIN))('durability: SIGKILL during a mixed burst', () => {
  forEachDialect((dialect, open) => {
    it('keeps every acknowledged action once, audited, with its files; the restart removes leftover files', async () => {
      const handle = await open();
      const { store, evidenceDir } = storeOf(dialect, handle);
      let server = await startServeProcess(store, { expectFirstAdmin: true, env: NO_GRACE });
      try {
        const admin = server.firstAdmin;
        if (admin === null) throw new Error('The first start should print the first administrator.');
        const adminToken = await issueApiToken(server.address, admin.email, admin.password);
        const [plan] = await listPlans(handle.db);
        const indicatorIds = (await listIndicators(handle.db, plan?.id ?? '')).map((i) => i.indicatorId);
        const parties = await setUpParties(handle, server.address, adminToken, indicatorIds.slice(0, 30));
        const run = `mixed-${dialect}-${Date.now().toString(36)}`;

        // Phase 1: submitted revisions for the reviewer, and the filled templates.
        const seeded = Array.from({ length: MIX.seeded }, (_, n) => submissionAt(parties, run, n));
        const seeding = await inBatches(seeded, 50, (a) => send(server.address, parties, a));
        expect(seeding.filter((a) => a.status !== 201).map((a) => a.body)).toEqual([]);
        const keys = seeded.map(observationKeyOf);
        // One stored file before the burst: the folder is known to belong to this database.
        const first = evidenceAction(`${run}-seed`, keys[0] ?? '', 0);
        expect((await send(server.address, parties, first)).status).toBe(201);
        const templates = await templateUploads(parties, server.address, MIX.templates);

        // Phase 2: everything at once, killed mid-burst.
        const actions: BurstAction[] = interleave([
          templates,
          keys.slice(0, MIX.approvals).map((key, n) => reviewAt('approval', run, key, n)),
          keys
            .slice(MIX.approvals, MIX.approvals + MIX.returns)
            .map((key, n) => reviewAt('return', run, key, n)),
          Array.from({ length: MIX.evidence }, (_, n) =>
            evidenceAction(run, keys[(n * 7) % keys.length] ?? '', n),
          ),
          Array.from({ length: MIX.submissions }, (_, n) => submissionAt(parties, run, MIX.seeded + n)),
          Array.from({ length: MIX.reports }, (_, n) => progressReportAt(parties, run, n)),
          Array.from({ length: MIX.projectReports }, (_, n) => projectReportAt(parties, run, n)),
        ]);
        const { acknowledged, refused } = await fireUntilKilled(server, parties, actions, {
          killAfter: MIX_KILL_AFTER,
          headStartMs: 150,
        });
        expect(await server.exited).toBeNull();
        console.log(
          `SIGKILL mixed burst (${dialect}), acknowledged before the kill: ${countKinds(acknowledged)}`,
        );
        expect(refused.map((r) => [r.action.kind, r.answer.status, r.answer.body])).toEqual([]);
        expect(acknowledged.length).toBeGreaterThanOrEqual(MIX_KILL_AFTER);
        expect(acknowledged.length, 'the kill interrupted the burst').toBeLessThan(actions.length);
        // The kill may or may not land between a file and its row: leave one of each for certain.
        const planted = plantLeftovers(evidenceDir);

        server = await startServeProcess(store, { expectFirstAdmin: false, env: NO_GRACE });
        const cleaned =
          /Evidence folder cleaned: (\d+) temporary files of interrupted uploads, (\d+) files/.exec(
            server.output(),
          );
        expect(Number(cleaned?.[1]), server.output()).toBeGreaterThanOrEqual(1);
        expect(Number(cleaned?.[2]), server.output()).toBeGreaterThanOrEqual(1);
        expect(planted.filter(existsSync)).toEqual([]);
        if (dialect === 'sqlite') expect(await sqliteIntegrity(handle.db)).toEqual(['ok']);
        const found = await expectBurstKept(handle, dialect, evidenceDir, parties, actions, acknowledged);
        const referenced = () => allEvidenceRecords(handle.db).then((r) => new Set(r.map((e) => e.sha256)));
        expect(leftoverEvidenceFiles(evidenceDir, await referenced()), 'temporary or orphan files').toEqual(
          [],
        );
        console.log(burstFigures(dialect, actions, acknowledged, found));
        console.log(`  restart: ${/Evidence folder cleaned[^\n]*/.exec(server.output())?.[0] ?? ''}`);

        // Phase 3: retrying every action completes the rest and duplicates nothing. A project
        // report has no idempotency key (a second submit of a month is refused), so only the
        // months the store does not hold are sent again.
        const storedMonths = new Set((await storedProjectReports(handle)).keys());
        const retrying = actions.filter(
          (a) => a.kind !== 'project-report' || !storedMonths.has(projectMonthOf(a)),
        );
        const retried = await inBatches(retrying, 50, async (action) => ({
          action,
          answer: await send(server.address, parties, action),
        }));
        expect(retried.filter((r) => !acknowledges(r.action, r.answer)).map((r) => r.answer.body)).toEqual(
          [],
        );
        const firstIds = new Map(acknowledged.map((a) => [a.action, (a.answer.body as { id?: string }).id]));
        for (const { action, answer } of retried) {
          if (firstIds.has(action)) expect((answer.body as { id?: string }).id).toBe(firstIds.get(action));
        }
        const all = await expectBurstKept(handle, dialect, evidenceDir, parties, actions, retried);
        const fired = Object.fromEntries(
          Object.keys(all).map((k) => [k, actions.filter((a) => a.kind === k).length]),
        );
        expect(all).toEqual(fired);
        expect(leftoverEvidenceFiles(evidenceDir, await referenced())).toEqual([]);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }, 240_000);
  });
});
