import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseHandle, listIndicators, migrateToLatest, openDatabase } from '@plantrack/db';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../db/src/testing/dialects.js';
import { buildApp } from './app.js';
import { type Harness, as, makeHarness } from './testing/harness.js';
import { freePort } from './testing/nginx-process.js';
import { type Tmpfs, mountTmpfs } from './testing/tmpfs.js';

/**
 * Operating faults: a full disk, a read-only evidence folder, a database that refuses connections.
 * Each time the server stays up, names the fault in Chinese and English (no bare 500, no
 * internals), keeps what it acknowledged, and works again once the fault ends. The disks are small
 * tmpfs mounts made by the test (it runs as root, like the development and CI machines).
 */
let pdfCounter = 0;

/** A small PDF whose bytes differ every time (stored content is deduplicated by its hash). */
function freshPdf(): Buffer {
  pdfCounter += 1;
  return Buffer.from(`%PDF-1.4\n% 故障测试 ${pdfCounter} ${Date.now()}\n%%EOF\n`, 'utf8');
}

function multipart(bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-fault-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="佐证.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The answer names `code` and says `zh`/`en`, as problem+json, without a stack or a path. */
function expectFault(
  res: LightMyRequestResponse,
  status: number,
  code: string,
  zh: string,
  en: string,
): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json<{ code: string; messages: { zh: string; en: string } }>();
  expect(body.code).toBe(code);
  expect(body.messages.zh).toContain(zh);
  expect(body.messages.en.toLowerCase()).toContain(en);
  expect(res.body).not.toMatch(/ENOSPC|EROFS|SQLITE_|\/tmp\/|at .*\.js/);
}

forEachDialect((dialect, open) => {
  describe('evidence folder faults', () => {
    let h: Harness;
    let disk: Tmpfs;
    let path: string;
    const upload = () => {
      const { payload, headers } = multipart(freshPdf());
      return h.app.inject({
        method: 'POST',
        url: path,
        headers: { ...as(h.sessions.department_reporter), ...headers },
        payload,
      });
    };
    const listed = async () =>
      (await h.app.inject({ method: 'GET', url: path, headers: as(h.sessions.department_reporter) })).json<
        unknown[]
      >().length;
    const answersOthers = async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/me', headers: as(h.sessions.reviewer) });
      expect(res.statusCode).toBe(200);
    };

    beforeAll(async () => {
      disk = mountTmpfs('1m');
      h = await makeHarness(await open(), dialect, { evidenceDir: join(disk.dir, 'evidence') });
      const submitted = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: { indicatorId: h.ownIndicatorId, period: '2026', expectedRevision: 0, values: { value: 1 } },
      });
      path = `/api/observations/${encodeURIComponent(submitted.json<{ key: string }>().key)}/evidence`;
    }, 60_000);
    afterAll(async () => {
      await h.app.close();
      disk.unmount();
    });

    it('answers 507 storage full when the disk is full, and stores uploads again once space is freed', async () => {
      expect((await upload()).statusCode).toBe(201);
      disk.fill();
      expectFault(await upload(), 507, 'storage-full', '存储空间不足', 'storage full');
      await answersOthers();
      expect(await listed(), 'no row for a file that was not stored').toBe(1);
      disk.free();
      expect((await upload()).statusCode).toBe(201);
      expect(await listed()).toBe(2);
    });

    it('answers 503 storage read-only when the folder is read-only, and recovers after remount', async () => {
      disk.readOnly();
      try {
        expectFault(await upload(), 503, 'storage-read-only', '存储只读', 'storage read-only');
        await answersOthers();
      } finally {
        disk.readWrite();
      }
      expect((await upload()).statusCode).toBe(201);
      expect(await listed()).toBe(3);
    });
  });
});

describe('SQLite data folder on a full disk', () => {
  let disk: Tmpfs;
  let handle: DatabaseHandle;
  let h: Harness;
  let evidenceDir: string;
  beforeAll(async () => {
    evidenceDir = mkdtempSync(join(tmpdir(), 'plantrack-evidence-'));
    disk = mountTmpfs('64m');
    handle = openDatabase({ dataDir: disk.dir });
    await migrateToLatest(handle.db);
    h = await makeHarness(handle, 'sqlite', { evidenceDir });
  }, 60_000);
  afterAll(async () => {
    await h.app.close();
    await handle.close();
    disk.unmount();
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('refuses submissions with 507 while full, keeps every acknowledged one, and accepts again when freed', async () => {
    const indicatorIds = (await listIndicators(handle.db, h.plan.planId)).map((i) => i.indicatorId);
    let n = 0;
    const submit = () => {
      const i = n;
      n += 1;
      return h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.planning_office),
        payload: {
          indicatorId: indicatorIds[i % indicatorIds.length],
          period: `${2001 + Math.floor(i / indicatorIds.length)}`,
          expectedRevision: 0,
          values: { value: i, source: '故障测试合成数据 / synthetic fault test data' },
        },
      });
    };
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await submit();
      expect(res.statusCode, res.body).toBe(201);
      acknowledged.push(res.json<{ key: string }>().key);
    }
    disk.fill();
    // The write-ahead log may still have room for a few commits: submit until the disk says no.
    let refused: LightMyRequestResponse | null = null;
    for (let i = 0; i < 2000 && refused === null; i += 1) {
      const res = await submit();
      if (res.statusCode === 201) acknowledged.push(res.json<{ key: string }>().key);
      else refused = res;
    }
    if (refused === null) throw new Error('2,000 submissions fitted on a full disk');
    expectFault(refused, 507, 'storage-full', '存储空间不足', 'storage full');
    const reading = await h.app.inject({ method: 'GET', url: '/api/public/plans' });
    expect(reading.statusCode).toBe(200);

    disk.free();
    const again = await submit();
    expect(again.statusCode, again.body).toBe(201);
    acknowledged.push(again.json<{ key: string }>().key);
    const found = await Promise.all(
      acknowledged.map(
        async (key) =>
          (
            await h.app.inject({
              method: 'GET',
              url: `/api/observations/${encodeURIComponent(key)}/history`,
              headers: as(h.sessions.planning_office),
            })
          ).statusCode,
      ),
    );
    console.info(
      `full SQLite disk: ${acknowledged.length} submissions acknowledged, ${found.filter((s) => s === 200).length} found after`,
    );
    expect(found.every((s) => s === 200)).toBe(true);
  });
});

describe('PostgreSQL refusing connections', () => {
  it('answers 503 database unavailable, in Chinese and English', async () => {
    const port = await freePort();
    const handle = openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/nothing` });
    const log: string[] = [];
    const app = await buildApp({
      db: handle.db,
      dialect: 'postgres',
      config: { logLevel: 'error' },
      logStream: { write: (line) => log.push(line) },
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/public/plans' });
      expectFault(res, 503, 'database-unavailable', '数据库不可用', 'database unavailable');
      expect(res.headers['retry-after']).toBe('5');
      // The cause is in the log, under the request's id, with the answer it led to.
      const entries = log.map(
        (l) => JSON.parse(l) as { reqId?: string; code?: string; err?: { message?: string } },
      );
      const cause = entries.find((e) => e.code === 'database-unavailable');
      expect(cause?.reqId).toBe(res.headers['x-request-id']);
      expect(JSON.stringify(cause?.err)).toContain('ECONNREFUSED');
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
