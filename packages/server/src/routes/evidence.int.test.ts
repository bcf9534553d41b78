import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, type Session, as, makeHarness } from '../testing/harness.js';

// Synthetic files for the upload rules: the bytes only need the right magic numbers.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const PDF = Buffer.from('%PDF-1.4\n% 测试用佐证材料\n%%EOF\n', 'utf8');
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml....')]);
const CSV = Buffer.from('年份,数值\n2026,1\n', 'utf8');
const PDF_NAMED = Buffer.from('%PDF-1.4\n% 文件名测试\n%%EOF\n', 'utf8');
const LIMIT = 4096;

function multipart(fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-evidence-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

forEachDialect((dialect, open) => {
  describe('evidence files', () => {
    let h: Harness;
    let dir: string;
    let key: string;
    let reportKey: string;
    const upload = (session: Session | undefined, path: string, name: string, bytes: Buffer) => {
      const { payload, headers } = multipart(name, bytes);
      return h.app.inject({ method: 'POST', url: path, headers: { ...as(session), ...headers }, payload });
    };
    const obsPath = () => `/api/observations/${encodeURIComponent(key)}/evidence`;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'plantrack-evidence-'));
      h = await makeHarness(await open(), dialect, { evidenceDir: dir, evidenceMaxBytes: LIMIT });
      const submitted = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          expectedRevision: 0,
          values: { value: 3.2 },
        },
      });
      key = submitted.json<{ key: string }>().key;
      const report = await h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(h.sessions.department_reporter),
        payload: {
          taskId: h.ownTaskId,
          period: '2026',
          expectedRevision: 0,
          values: { progress: 'in_progress', narrative: '推进中' },
        },
      });
      reportKey = report.json<{ key: string }>().key;
      return async () => {
        await h.app.close();
        rmSync(dir, { recursive: true, force: true });
      };
      // Seeding the plan and hashing seven passwords outlasts the default hook timeout on a busy machine.
    }, 60_000);

    it('stores an upload content-addressed on disk, with its record, revision and a clean name', async () => {
      const res = await upload(h.sessions.department_reporter, obsPath(), '../../etc/统计公报.pdf', PDF);
      expect(res.statusCode).toBe(201);
      const file = res.json<{
        id: string;
        fileName: string;
        mediaType: string;
        revisionNo: number;
        sha256: string;
      }>();
      const sha = createHash('sha256').update(PDF).digest('hex');
      expect(file).toMatchObject({
        fileName: '统计公报.pdf',
        mediaType: 'application/pdf',
        revisionNo: 1,
        sha256: sha,
      });
      expect(readFileSync(join(dir, sha.slice(0, 2), sha))).toEqual(PDF);
      // No temporary file is left beside it.
      expect(readdirSync(join(dir, sha.slice(0, 2)))).toEqual([sha]);
      expect(JSON.stringify(res.json())).not.toContain(dir);
    });

    it('returns the first upload when the same bytes are uploaded again', async () => {
      const first = await upload(h.sessions.department_reporter, obsPath(), 'a.png', PNG);
      const again = await upload(h.sessions.planning_office, obsPath(), 'b.png', PNG);
      expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
      expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    });

    it('refuses a type whose extension or content does not fit (415), and a file over the limit (413)', async () => {
      const s = h.sessions.department_reporter;
      for (const [name, bytes] of [
        ['report.pdf', PNG],
        ['tool.exe', PDF],
        ['data.csv', Buffer.from([0xff, 0xfe, 0x00, 0x41])],
        ['empty.txt', Buffer.alloc(0)],
      ] as const) {
        const res = await upload(s, obsPath(), name, bytes);
        expect(res.statusCode, name).toBe(415);
        expect(res.json<{ messages: { zh: string; en: string } }>().messages.zh).toContain('不支持');
      }
      const big = await upload(s, obsPath(), 'big.txt', Buffer.alloc(LIMIT + 1, 0x41));
      expect(big.statusCode).toBe(413);
      expect(big.json<{ code: string; messages: { zh: string; en: string } }>()).toMatchObject({
        code: 'evidence-too-large',
        messages: {
          zh: expect.stringContaining(String(LIMIT)) as string,
          en: expect.stringContaining('limit') as string,
        },
      });
      expect((await upload(s, obsPath(), 'ok.docx', DOCX)).statusCode).toBe(201);
      expect((await upload(s, obsPath(), 'ok.csv', CSV)).statusCode).toBe(201);
    });

    it('follows the record’s policies: another department may neither upload nor read', async () => {
      expect((await upload(h.sessions.other_reporter, obsPath(), 'x.pdf', PDF)).statusCode).toBe(403);
      expect((await upload(undefined, obsPath(), 'x.pdf', PDF)).statusCode).toBe(401);
      const list = await h.app.inject({
        method: 'GET',
        url: obsPath(),
        headers: as(h.sessions.other_reporter),
      });
      expect(list.statusCode).toBe(403);
      const own = await h.app.inject({
        method: 'GET',
        url: obsPath(),
        headers: as(h.sessions.department_reporter),
      });
      const [first] = own.json<{ id: string }[]>();
      const other = await h.app.inject({
        method: 'GET',
        url: `/api/evidence/${first?.id}`,
        headers: as(h.sessions.other_reporter),
      });
      expect(other.statusCode).toBe(403);
    });

    it('downloads as an attachment with nosniff, and lists files in the history', async () => {
      const list = await h.app.inject({ method: 'GET', url: obsPath(), headers: as(h.sessions.reviewer) });
      const files = list.json<{ id: string; fileName: string }[]>();
      expect(files.map((f) => f.fileName)).toEqual(['统计公报.pdf', 'a.png', 'ok.docx', 'ok.csv']);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/evidence/${files[0]?.id}`,
        headers: as(h.sessions.reviewer),
      });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toEqual(PDF);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('统计公报.pdf')}`,
      );
      const history = await h.app.inject({
        method: 'GET',
        url: `/api/observations/${encodeURIComponent(key)}/history`,
        headers: as(h.sessions.department_reporter),
      });
      const [revision] = history.json<{ evidenceFiles: { id: string }[] }[]>();
      expect(revision?.evidenceFiles.map((f) => f.id)).toEqual(files.map((f) => f.id));
      expect(
        await h.app.inject({
          method: 'GET',
          url: '/api/evidence/no-such-id',
          headers: as(h.sessions.reviewer),
        }),
      ).toMatchObject({ statusCode: 404 });
    });

    it('lets the public download only the files the approved revision of a published indicator names', async () => {
      const [file, unnamed] = (
        await h.app.inject({ method: 'GET', url: obsPath(), headers: as(h.sessions.reviewer) })
      ).json<{ id: string }[]>();
      const url = `/api/evidence/${file?.id}`;
      // The submission under review names its first file only (a reporter edits a submitted
      // record by returning it; here the reviewer returns it and the reporter resubmits).
      const returned = await h.app.inject({
        method: 'POST',
        url: `/api/observations/${encodeURIComponent(key)}/return`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 1, reason: '请附上统计公报' },
      });
      expect(returned.statusCode).toBe(200);
      const resubmitted = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          expectedRevision: 2,
          values: { value: 3.2, evidence: [file?.id] },
        },
      });
      expect(resubmitted.statusCode, resubmitted.body).toBeLessThan(300);
      expect((await h.app.inject({ method: 'GET', url, headers: as(h.sessions.public) })).statusCode).toBe(
        403,
      );
      const approve = await h.app.inject({
        method: 'POST',
        url: `/api/observations/${encodeURIComponent(key)}/approve`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 3 },
      });
      expect(approve.statusCode).toBe(200);
      // Approved but not published: still closed to the public.
      expect((await h.app.inject({ method: 'GET', url, headers: as(h.sessions.public) })).statusCode).toBe(
        403,
      );
      const published = await h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.ownIndicatorId}/publish`,
        headers: as(h.sessions.planning_office),
        payload: { published: true },
      });
      expect(published.statusCode).toBe(200);
      expect((await h.app.inject({ method: 'GET', url, headers: as(h.sessions.public) })).statusCode).toBe(
        200,
      );
      expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      // A file of the record that the approved revision does not name: not public.
      expect(
        (
          await h.app.inject({
            method: 'GET',
            url: `/api/evidence/${unnamed?.id}`,
            headers: as(h.sessions.public),
          })
        ).statusCode,
      ).toBe(404);
      // A file uploaded after the approval was never reviewed: not public.
      const late = await upload(
        h.sessions.department_reporter,
        obsPath(),
        'late.txt',
        Buffer.from('补充说明', 'utf8'),
      );
      expect(late.json<{ revisionNo: number }>().revisionNo).toBe(4);
      const lateUrl = `/api/evidence/${late.json<{ id: string }>().id}`;
      expect(
        (await h.app.inject({ method: 'GET', url: lateUrl, headers: as(h.sessions.public) })).statusCode,
      ).toBe(404);
      const publicList = await h.app.inject({ method: 'GET', url: obsPath() });
      expect(publicList.json<{ fileName: string }[]>().map((f) => f.fileName)).toEqual(['统计公报.pdf']);
    });

    it('takes evidence for progress reports too, but never shows it to the public', async () => {
      const path = `/api/progress-reports/${encodeURIComponent(reportKey)}/evidence`;
      const res = await upload(
        h.sessions.department_reporter,
        path,
        '现场照片.jpg',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]),
      );
      expect(res.statusCode).toBe(201);
      expect(res.json<{ subjectKind: string }>().subjectKind).toBe('progress-report');
      const id = res.json<{ id: string }>().id;
      expect(
        (await h.app.inject({ method: 'GET', url: `/api/evidence/${id}`, headers: as(h.sessions.public) }))
          .statusCode,
      ).toBe(403);
      const audit = await h.app.inject({
        method: 'GET',
        url: '/api/audit?action=evidence.upload&limit=100',
        headers: as(h.sessions.planning_office),
      });
      expect(audit.json<{ entityId: string }[]>().map((a) => a.entityId)).toContain(reportKey);
    });

    it('normalises an uploaded file name: no right-to-left override or other invisible character is kept', async () => {
      // Stored as is, `报告\u202Egnp.pdf` would be shown as `报告fdp.png`.
      const res = await upload(
        h.sessions.department_reporter,
        obsPath(),
        '报告\u202Egnp\u200B.pdf',
        PDF_NAMED,
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ fileName: string }>().fileName).toBe('报告gnp.pdf');
      const nfd = await upload(
        h.sessions.department_reporter,
        obsPath(),
        'Cafe\u0301\u2066.txt',
        Buffer.from('名称规范化', 'utf8'),
      );
      expect(nfd.json<{ fileName: string }>().fileName).toBe('Café.txt');
      const listed = await h.app.inject({ method: 'GET', url: obsPath(), headers: as(h.sessions.reviewer) });
      const names = listed.json<{ fileName: string }[]>().map((f) => f.fileName);
      expect(names).toContain('报告gnp.pdf');
      expect(names.join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
      const id = res.json<{ id: string }>().id;
      const download = await h.app.inject({
        method: 'GET',
        url: `/api/evidence/${id}`,
        headers: as(h.sessions.reviewer),
      });
      expect(download.headers['content-disposition']).toContain(encodeURIComponent('报告gnp.pdf'));
    });

    it('answers a missing stored file with a clear 404', async () => {
      const [file] = (
        await h.app.inject({ method: 'GET', url: obsPath(), headers: as(h.sessions.reviewer) })
      ).json<{ sha256: string; id: string }[]>();
      const path = join(dir, file!.sha256.slice(0, 2), file!.sha256);
      expect(existsSync(path)).toBe(true);
      rmSync(path);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/evidence/${file?.id}`,
        headers: as(h.sessions.reviewer),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('evidence-content-missing');
    });
  });
});
