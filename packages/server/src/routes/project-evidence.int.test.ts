import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { evidenceRequests, idsOf } from '../testing/evidence-requests.js';
import { type Harness, makeHarness } from '../testing/harness.js';
import { makeProject } from '../testing/project-matrix.cases.js';

// Synthetic site photos: the bytes only need the right magic numbers.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(48, 2),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(48, 3)]);

forEachDialect((dialect, open) => {
  describe('evidence of a project’s monthly report (project_report)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      return async () => {
        await h.app.close();
      };
    });

    it('takes photos from the lead unit, lets a month name them, and shows them by role', async () => {
      const requests = evidenceRequests(h);
      const { send, list, download } = requests;
      const upload = requests.upload.bind(requests);
      const id = await makeProject(h);
      const path = `/api/project-reports/${encodeURIComponent(`${id}|2026-01`)}`;
      const png = await upload(h.sessions.department_reporter, path, '现场照片.png', PNG);
      expect(png.statusCode, png.body).toBe(201);
      expect(png.json()).toMatchObject({ subjectKind: 'project_report', subjectKey: `${id}|2026-01` });
      const jpeg = await upload(h.sessions.department_reporter, path, 'site.jpg', JPEG);
      expect(jpeg.statusCode, jpeg.body).toBe(201);
      // Only the lead unit and the office upload; never another department, a leader or nobody.
      expect((await upload(h.sessions.other_reporter, path, 'x.png', PNG)).statusCode).toBe(403);
      expect((await upload(h.sessions.leader, path, 'x.png', PNG)).statusCode).toBe(403);
      expect((await upload(undefined, path, 'x.png', PNG)).statusCode).toBe(401);
      const bad = await upload(
        h.sessions.department_reporter,
        `/api/project-reports/${id}%7C2026-13`,
        'x.png',
        PNG,
      );
      expect(bad.statusCode).toBe(400);
      const unknown = await upload(
        h.sessions.department_reporter,
        `/api/project-reports/${encodeURIComponent('no-such-project|2026-01')}`,
        'x.png',
        PNG,
      );
      expect(unknown.statusCode).toBe(404);

      const [pngId, jpegId] = [png.json<{ id: string }>().id, jpeg.json<{ id: string }>().id];
      const month = (evidenceIds: string[]) => ({
        year: 2026,
        month: 1,
        action: 'submit',
        monthWan: 30,
        ytdWan: 30,
        progressText: '基础施工',
        reason: null,
        evidenceIds,
      });
      // A month names only its own files.
      const stray = await send(
        h.sessions.department_reporter,
        'POST',
        `/api/projects/${id}/reports`,
        month(['nope']),
      );
      expect(stray.statusCode).toBe(400);
      const submitted = await send(
        h.sessions.department_reporter,
        'POST',
        `/api/projects/${id}/reports`,
        month([pngId]),
      );
      expect(submitted.statusCode, submitted.body).toBe(200);

      // Before approval: the lead unit, reviewers and the office see every file; leaders none.
      for (const session of [
        h.sessions.department_reporter,
        h.sessions.reviewer,
        h.sessions.planning_office,
      ]) {
        expect(idsOf(await list(session, path)).sort()).toEqual([pngId, jpegId].sort());
      }
      expect(idsOf(await list(h.sessions.leader, path))).toEqual([]);
      expect((await list(h.sessions.other_reporter, path)).statusCode).toBe(403);
      expect((await list(h.sessions.public, path)).statusCode).toBe(403);
      expect((await list(undefined, path)).statusCode).toBe(401);

      await send(h.sessions.reviewer, 'POST', `/api/projects/${id}/reports/review`, {
        year: 2026,
        month: 1,
        action: 'approve',
        reason: null,
      });
      // After approval leaders see the approved month's photo only; the public still nothing.
      expect(idsOf(await list(h.sessions.leader, path))).toEqual([pngId]);
      expect((await download(h.sessions.leader, pngId)).statusCode).toBe(200);
      expect((await download(h.sessions.leader, jpegId)).statusCode).toBe(404);
      expect((await download(undefined, pngId)).statusCode).toBe(401);
      expect((await download(h.sessions.public, pngId)).statusCode).toBe(403);
    });
  });
});
