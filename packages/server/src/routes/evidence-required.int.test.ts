import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QualityCheckResult, ReviewQueueItem, ReviewSettings } from '@plantrack/api';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { as, makeHarness } from '../testing/harness.js';

type Rev = { key: string; revisionNo: number; qualityFlags?: { code: string; confirmed?: boolean }[] };

// A synthetic PDF: the upload only needs the magic number.
const PDF = Buffer.from('%PDF-1.4\n% 佐证材料\n%%EOF\n', 'utf8');
const BOUNDARY = '----plantrack-evidence-required';
const multipart = (name: string, bytes: Buffer) => ({
  payload: Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]),
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
});

forEachDialect((dialect, open) => {
  describe('evidence required by the office', () => {
    it('warns before and on submission when no file is attached, and not once one is', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'plantrack-evidence-required-'));
      const h = await makeHarness(await open(), dialect, { evidenceDir: dir });
      const { app, sessions: s } = h;
      const settingsUrl = `/api/plans/${h.plan.planId}/review-settings`;
      const check = (period: string, evidenceCount?: number) =>
        app.inject({
          method: 'POST',
          url: '/api/observations/check',
          headers: as(s.department_reporter),
          payload: { indicatorId: h.ownIndicatorId, period, value: 3.2, evidenceCount },
        });
      const codes = async (period: string, evidenceCount?: number) =>
        (await check(period, evidenceCount)).json<QualityCheckResult>().flags.map((f) => f.code);
      try {
        // Nothing required by default.
        const before = await app.inject({ method: 'GET', url: settingsUrl, headers: as(s.planning_office) });
        expect(before.json<ReviewSettings>()).toMatchObject({ evidenceRequired: false, revisionNo: 0 });
        expect(await codes('2026')).not.toContain('evidence-missing');

        // A reporter may not change the rule; the office may, and the other rule stays as it was.
        const put = (session: typeof s.planning_office, expectedRevision: number) =>
          app.inject({
            method: 'PUT',
            url: settingsUrl,
            headers: as(session),
            payload: { expectedRevision, evidenceRequired: true },
          });
        expect((await put(s.department_reporter, 0)).statusCode).toBe(403);
        const set = await put(s.planning_office, 0);
        expect(set.statusCode, set.body).toBe(200);
        expect(set.json<ReviewSettings>()).toMatchObject({
          evidenceRequired: true,
          officeSelfReview: false,
          revisionNo: 1,
        });

        // The check warns without a file, not with one the form is about to attach.
        expect(await codes('2026')).toContain('evidence-missing');
        expect(await codes('2026', 1)).not.toContain('evidence-missing');

        // Submitted without a file and confirmed: stored as confirmed, seen by the reviewer.
        const sent = await app.inject({
          method: 'POST',
          url: '/api/observations',
          headers: as(s.department_reporter),
          payload: {
            indicatorId: h.ownIndicatorId,
            period: '2026',
            expectedRevision: 0,
            values: { value: 3.2 },
            confirmedWarnings: ['evidence-missing'],
          },
        });
        expect(sent.statusCode, sent.body).toBe(201);
        expect(sent.json<Rev>().qualityFlags).toEqual([
          expect.objectContaining({ code: 'evidence-missing', confirmed: true }),
        ]);
        const queue = await app.inject({ method: 'GET', url: '/api/review/queue', headers: as(s.reviewer) });
        const item = queue.json<ReviewQueueItem[]>().find((i) => i.key === sent.json<Rev>().key);
        expect(item?.qualityFlags?.map((f) => f.code)).toEqual(['evidence-missing']);

        // Returned, a file uploaded, resubmitted: no warning any more.
        const key = encodeURIComponent(sent.json<Rev>().key);
        const returned = await app.inject({
          method: 'POST',
          url: `/api/observations/${key}/return`,
          headers: as(s.reviewer),
          payload: { expectedRevision: 1, reason: '请附统计公报' },
        });
        expect(returned.statusCode).toBe(200);
        const { payload, headers } = multipart('公报.pdf', PDF);
        const file = await app.inject({
          method: 'POST',
          url: `/api/observations/${key}/evidence`,
          headers: { ...as(s.department_reporter), ...headers },
          payload,
        });
        expect(file.statusCode, file.body).toBe(201);
        expect(await codes('2026')).not.toContain('evidence-missing');
        const again = await app.inject({
          method: 'POST',
          url: '/api/observations',
          headers: as(s.department_reporter),
          payload: {
            indicatorId: h.ownIndicatorId,
            period: '2026',
            expectedRevision: 2,
            values: { value: 3.2, evidence: [file.json<{ id: string }>().id] },
          },
        });
        expect(again.statusCode, again.body).toBeLessThan(300);
        expect(again.json<Rev>().qualityFlags ?? []).toEqual([]);

        // The change is in the audit log with the before and after values.
        const audit = await app.inject({
          method: 'GET',
          url: '/api/audit?action=review_settings.set&limit=10',
          headers: as(s.planning_office),
        });
        expect(audit.body).toContain('"evidenceRequired":true');
      } finally {
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
