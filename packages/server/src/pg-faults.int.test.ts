import { existsSync } from 'node:fs';
import { listIndicators, listPlans } from '@plantrack/db';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL, type Opened, openTempPostgres } from '../../db/src/testing/dialects.js';
import { terminateOtherConnections } from '../../db/src/testing/terminate-connections.js';
import {
  CLI_MAIN,
  type HttpAnswer,
  type ServeProcess,
  httpJson,
  issueApiToken,
  startServeProcess,
} from './testing/serve-process.js';
import { revisionsByKeyPrefix } from '../../db/src/testing/submission-records.js';

/**
 * PostgreSQL connections killed mid-burst: while 400 submissions are in flight against the built
 * `plantrack serve` on PostgreSQL, every server connection is ended with `pg_terminate_backend`.
 * Every request is either acknowledged (201) or answered 503 "database unavailable" in Chinese and
 * English — no hang, no bare 500, no crash; every acknowledged submission is in the database
 * afterwards; the server takes new submissions again; each 503 is in the log with its cause.
 * PostgreSQL only: SQLite has no connections to end.
 */
const SUBMISSIONS = 400;
const TERMINATE_AFTER_ACKNOWLEDGED = 100;

describe.skipIf(!existsSync(CLI_MAIN) || process.env.PLANTRACK_SKIP_POSTGRES === '1')(
  'PostgreSQL connections terminated during a burst of submissions',
  () => {
    let opened: Opened | undefined;
    let server: ServeProcess | undefined;
    afterAll(async () => {
      server?.child.kill('SIGKILL');
      await server?.exited;
      await opened?.cleanup();
    });

    it('acknowledges or answers 503, loses no acknowledged write, and recovers', async () => {
      opened = await openTempPostgres(TEST_PG_URL);
      const { handle } = opened;
      const databaseUrl = Object.assign(new URL(TEST_PG_URL), {
        pathname: new URL(handle.location).pathname,
      }).href;
      server = await startServeProcess({ databaseUrl }, { expectFirstAdmin: true, logLevel: 'error' });
      const running = server;
      const admin = running.firstAdmin;
      if (admin === null) throw new Error('The first start should print the first administrator.');
      const token = await issueApiToken(running.address, admin.email, admin.password);
      const [plan] = await listPlans(handle.db);
      const indicatorIds = (await listIndicators(handle.db, plan?.id ?? '')).map((i) => i.indicatorId);
      const run = `pg-fault-${Date.now().toString(36)}`;
      const submit = (i: number): Promise<HttpAnswer> =>
        httpJson(running.address, {
          method: 'POST',
          path: '/api/observations',
          headers: {
            authorization: `Bearer ${token}`,
            'idempotency-key': `${run}-${String(i).padStart(4, '0')}`,
          },
          body: {
            indicatorId: indicatorIds[i % indicatorIds.length],
            period: `${2001 + Math.floor(i / indicatorIds.length)}`,
            action: 'submit',
            expectedRevision: 0,
            values: { value: i, source: '故障测试合成数据 / synthetic fault test data' },
          },
        });

      let acknowledged = 0;
      let acknowledgedBeforeFault = -1;
      let terminated: Promise<number> | undefined;
      const answers = await Promise.all(
        Array.from({ length: SUBMISSIONS }, async (_, i) => {
          const answer = await submit(i).catch((error: unknown) => {
            throw new Error(
              `submission ${i} got no answer (${String(error)}); server exit ${String(running.child.exitCode)}\n${running.errorOutput()}\n${running.output().slice(-3000)}`,
            );
          });
          if (answer.status === 201) acknowledged += 1;
          if (acknowledged === TERMINATE_AFTER_ACKNOWLEDGED && terminated === undefined) {
            acknowledgedBeforeFault = acknowledged;
            terminated = terminateOtherConnections(handle.db);
          }
          return answer;
        }),
      );
      const ended = await terminated;
      expect(ended, 'connections of the server were ended').toBeGreaterThan(0);

      const unavailable = answers.filter((a) => a.status === 503);
      const other = answers.filter((a) => a.status !== 201 && a.status !== 503);
      expect(
        other.map((a) => [a.status, a.body]),
        'only 201 or 503',
      ).toEqual([]);
      for (const a of unavailable) {
        expect(a.body).toMatchObject({
          code: 'database-unavailable',
          messages: { zh: expect.stringContaining('数据库不可用') as string },
        });
      }
      const acknowledgedKeys = answers.flatMap((a, i) =>
        a.status === 201 ? [`${run}-${String(i).padStart(4, '0')}`] : [],
      );
      const stored = new Set(
        (await revisionsByKeyPrefix(handle.db, 'postgres', run)).map((r) => r.idempotencyKey),
      );
      const found = acknowledgedKeys.filter((k) => stored.has(k)).length;
      console.info(
        `pg_terminate_backend mid-burst: ${ended} connections ended after ${acknowledgedBeforeFault} acknowledged; ` +
          `${acknowledgedKeys.length} of ${SUBMISSIONS} acknowledged in all, ${unavailable.length} answered 503; ` +
          `${found} acknowledged found after`,
      );
      expect(found).toBe(acknowledgedKeys.length);

      // The server is still up and takes new submissions once the connections are back.
      expect(running.child.exitCode).toBeNull();
      let recovered: HttpAnswer | undefined;
      for (let attempt = 0; attempt < 20 && recovered?.status !== 201; attempt += 1) {
        recovered = await submit(SUBMISSIONS + attempt);
        if (recovered.status !== 201) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(recovered?.status, JSON.stringify(recovered?.body)).toBe(201);
      // Each 503 was logged with its cause.
      if (unavailable.length > 0) {
        expect(running.output()).toMatch(/"code":"database-unavailable"/);
        expect(running.output()).toMatch(/"err":\{/);
      }
    }, 180_000);
  },
);
