import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../formats/src/testing/xlsx-fixtures.js';
import { type ServeProcess, startServeProcess } from './testing/serve-process.js';

const MIB = 1024 * 1024;

/** The server process's resident memory, from /proc (Linux). */
function rssOf(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) * 1024;
}

type Problem = { code: string; messages: { zh: string; en: string } };

/**
 * Sends a multipart upload's headers and its whole body at once on a raw connection, and resolves
 * with the status as soon as the answer's first line arrives (however far the sending got).
 */
function sendWholeBody(address: string, path: string, body: Buffer): Promise<{ status: number; ms: number }> {
  const url = new URL(address);
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let head = '';
    const done = (status: number): void => {
      socket.destroy();
      resolve({ status, ms: performance.now() - started });
    };
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1];
      if (status !== undefined) done(Number(status));
    });
    socket.on('error', () => {
      done(0);
    });
    socket.on('close', () => {
      done(0);
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: multipart/form-data; boundary=b\r\n` +
        `content-length: ${body.length}\r\n\r\n`,
    );
    socket.write(body);
  });
}

// The reproductions, sent to a fresh `plantrack serve` (the built server, its own process):
// the client is not the server's event loop, so a connection reset or a stall shows as it would.
describe('uploads sent to a running plantrack serve', () => {
  let server: ServeProcess;
  let dir: string;
  let pid: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plantrack-uploads-'));
    server = await startServeProcess({ dataDir: dir }, { expectFirstAdmin: true });
    pid = server.child.pid ?? 0;
  }, 120_000);

  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (email: string, password: string): Promise<Record<string, string>> => {
    const res = await fetch(`${server.address}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
  };

  it('answers 30 concurrent anonymous 19 MiB uploads 401 as soon as their headers are in', async () => {
    const body = Buffer.alloc(19 * MIB, 0x41);
    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid));
    }, 10);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sendWholeBody(server.address, i % 2 === 0 ? '/api/plans/import/file' : '/api/my/template.xlsx', body),
      ),
    );
    clearInterval(sampler);
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 30 }, () => 401));
    // Before: about 10 s and 311 → 734 MiB. The answer comes before the bodies, none of which is kept.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(3_000);
    expect(peak - before).toBeLessThan(100 * MIB);
  });

  it('gives a client that waits to finish sending (fetch) the answer, not a reset connection', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(19 * MIB, 0x41)]), 'outline.txt');
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.address}/api/plans/import/file`, { method: 'POST', body: form });
      expect(res.status).toBe(401);
      expect(((await res.json()) as Problem).messages.zh).toBe('请先登录。');
    }
  });

  it('refuses a 630 KB Excel bomb 413 at once, answering another request meanwhile', async () => {
    const admin = await signIn(server.firstAdmin?.email ?? '', server.firstAdmin?.password ?? '');
    const departments = (await (
      await fetch(`${server.address}/api/departments`, { headers: admin })
    ).json()) as { id: string }[];
    const password = 'reporter-Passw0rd-for-tests';
    const created = await fetch(`${server.address}/api/admin/users`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'reporter@test.local',
        displayName: '填报员',
        roles: ['department_reporter'],
        departmentId: departments[0]?.id,
        password,
      }),
    });
    expect(created.status).toBe(201);
    const reporter = await signIn('reporter@test.local', password);

    const bomb = xlsxBomb({ sheet: '指标', rows: 700_000, columns: 10 });
    const form = new FormData();
    form.append('file', new Blob([bomb]), '模板.xlsx');
    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid));
    }, 5);
    const started = performance.now();
    const [upload, other] = await Promise.all([
      fetch(`${server.address}/api/my/template.xlsx`, { method: 'POST', headers: reporter, body: form }).then(
        async (res) => ({
          status: res.status,
          body: (await res.json()) as Problem,
          ms: performance.now() - started,
        }),
      ),
      fetch(`${server.address}/api/public/plans`).then(async (res) => {
        await res.arrayBuffer();
        return { status: res.status, ms: performance.now() - started };
      }),
    ]);
    clearInterval(sampler);
    expect(upload.status).toBe(413);
    expect(upload.body.code).toBe('workbook-too-large');
    expect(upload.body.messages.zh).toContain('解压后的内容过大');
    expect(other.status).toBe(200);
    // Before: 16 s for the upload, 13.9 s for the other request, 0.9 → 2.0 GiB.
    expect(upload.ms).toBeLessThan(3_000);
    expect(other.ms).toBeLessThan(2_000);
    expect(peak - before).toBeLessThan(300 * MIB);
  });
});
