import { type AddressInfo, connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, type Session, as, makeHarness } from '../testing/harness.js';

const MIB = 1024 * 1024;
const BOUNDARY = '----plantrack-gate-boundary';

type RawAnswer = { status: number; headers: string; body: string; ms: number; closed: boolean };

/**
 * Sends the headers of an upload declaring `declared` bytes and then only the start of the body,
 * and waits for the answer. A server that reads the body before deciding never answers (the rest
 * never comes): the request times out with status 0.
 */
function postHeadersOnly(
  port: number,
  path: string,
  headers: Record<string, string>,
  declared: number,
  contentType = `multipart/form-data; boundary=${BOUNDARY}`,
): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({
        status,
        headers: head,
        body: split === -1 ? '' : text.slice(split + 4),
        ms: performance.now() - started,
        closed,
      });
    };
    const timer = setTimeout(() => {
      finish(false);
    }, 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      finish(true);
    });
    socket.on('close', () => {
      finish(true);
    });
    socket.on('error', () => {
      finish(true);
    });
    const lines = [
      `POST ${path} HTTP/1.1`,
      `host: 127.0.0.1:${port}`,
      `content-type: ${contentType}`,
      `content-length: ${declared}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    // A few bytes of a body that promises many more.
    socket.write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK`);
  });
}

forEachDialect((dialect, open) => {
  describe('uploads are refused before their body is read', () => {
    let h: Harness;
    let port: number;
    let obsPath: string;
    let taskPath: string;

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      port = (h.app.server.address() as AddressInfo).port;
      obsPath = `/api/observations/${encodeURIComponent(`${h.ownIndicatorId}|2026|`)}/evidence`;
      taskPath = `/api/progress-reports/${encodeURIComponent(`${h.ownTaskId}|2026`)}/evidence`;
      return async () => {
        await h.app.close();
      };
    }, 60_000);

    const expectRefused = (answer: RawAnswer, status: number, code: string): void => {
      expect(answer.status, answer.headers).toBe(status);
      const body = JSON.parse(answer.body) as { code: string; messages: { zh: string; en: string } };
      expect(body.code).toBe(code);
      expect(body.messages.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(body.messages.en.length).toBeGreaterThan(0);
      // The server ended the connection instead of waiting for the 19 MiB it was promised.
      expect(answer.closed).toBe(true);
      expect(answer.ms).toBeLessThan(2_000);
    };

    const routes = (): string[] => ['/api/plans/import/file', '/api/my/template.xlsx', obsPath, taskPath];

    it('answers an anonymous 19 MiB upload 401 from its headers, on every upload route', async () => {
      for (const path of routes()) {
        expectRefused(await postHeadersOnly(port, path, {}, 19 * MIB), 401, 'unauthenticated');
      }
      const json = await postHeadersOnly(port, '/api/plans/import', {}, 19 * MIB, 'application/json');
      expectRefused(json, 401, 'unauthenticated');
    });

    it('answers a signed-in user without the route’s permission 403 from its headers', async () => {
      const cases: [Session, string][] = [
        [h.sessions.leader, '/api/plans/import/file'],
        [h.sessions.department_reporter, '/api/plans/import/file'],
        [h.sessions.reviewer, '/api/my/template.xlsx'],
        [h.sessions.public, obsPath],
        // A reporter of a department that does not own the item: decided from the key in the URL.
        [h.sessions.other_reporter, obsPath],
        [h.sessions.other_reporter, taskPath],
      ];
      for (const [session, path] of cases) {
        expectRefused(await postHeadersOnly(port, path, as(session), 19 * MIB), 403, 'forbidden');
      }
      const json = await postHeadersOnly(
        port,
        '/api/plans/import',
        as(h.sessions.reviewer),
        19 * MIB,
        'application/json',
      );
      expectRefused(json, 403, 'forbidden');
    });

    it('answers a permitted upload that declares more than the route’s limit 413 from its headers', async () => {
      const cases: [Session, string][] = [
        [h.sessions.planning_office, '/api/plans/import/file'],
        [h.sessions.department_reporter, '/api/my/template.xlsx'],
        [h.sessions.department_reporter, obsPath],
        [h.sessions.planning_office, taskPath],
      ];
      for (const [session, path] of cases) {
        const answer = await postHeadersOnly(port, path, as(session), 64 * MIB);
        expectRefused(answer, 413, 'upload-too-large');
        expect(answer.body).toContain('MiB');
      }
    });

    it('refuses 30 concurrent anonymous 19 MiB uploads at once', async () => {
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          postHeadersOnly(port, i % 2 === 0 ? '/api/plans/import/file' : obsPath, {}, 19 * MIB),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 30 }, () => 401));
      expect(performance.now() - started).toBeLessThan(3_000);
    });

    it('still takes a permitted upload within the limit', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/plans/import/file',
        headers: {
          ...as(h.sessions.planning_office),
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        },
        payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="x.txt"\r\n\r\n\r\n--${BOUNDARY}--\r\n`,
      });
      // Past the gate: the route itself reads the (empty, hence unusable) file, and says why (400).
      expect(res.statusCode).toBe(400);
      const body = res.json<{ code: string; messages: { zh: string; en: string } }>();
      expect(body.code).toBe('unreadable-document');
      expect(body.messages.zh).toMatch(/[\u4e00-\u9fff]/u);
    });
  });
});
