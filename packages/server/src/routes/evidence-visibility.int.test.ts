import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';
import { evidenceRequests, idsOf } from '../testing/evidence-requests.js';

const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');
const ID_CARD = pdf('身份证号 320412199001011234');
const CLEAN = pdf('更正后的统计表');
const CORRECTION = pdf('更正说明');
const DRAFT_FILE = pdf('草稿附件');
const SHARED = pdf('两条记录共用的文件');

forEachDialect((dialect, open) => {
  describe('evidence visibility, withdrawal and redaction', () => {
    let h: Harness;
    let dir: string;
    let ev: ReturnType<typeof evidenceRequests>;
    let obsKey: string;
    let obsPath: string;
    const ids = { idCard: '', clean: '', correction: '' };
    const onDisk = (sha: string): boolean => existsSync(join(dir, sha.slice(0, 2), sha));

    const write = async (path: string, payload: object): Promise<number> => {
      const res = await h.app.inject({
        method: 'POST',
        url: path,
        headers: as(h.sessions.department_reporter),
        payload,
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ revisionNo: number }>().revisionNo;
    };
    const review = async (action: 'approve' | 'return', expectedRevision: number): Promise<void> => {
      const res = await h.app.inject({
        method: 'POST',
        url: `${obsPath}/${action}`,
        headers: as(h.sessions.reviewer),
        payload:
          action === 'return' ? { expectedRevision, reason: '附件含有身份证号码' } : { expectedRevision },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const uploadId = async (path: string, name: string, bytes: Buffer): Promise<string> => {
      const res = await ev.upload(h.sessions.department_reporter, path, name, bytes);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'plantrack-evidence-visibility-'));
      h = await makeHarness(await open(), dialect, { evidenceDir: dir });
      ev = evidenceRequests(h);
      obsKey = `${h.ownIndicatorId}|2027|`;
      obsPath = `/api/observations/${encodeURIComponent(obsKey)}`;
      return async () => {
        await h.app.close();
        rmSync(dir, { recursive: true, force: true });
      };
    }, 60_000);

    it('shows the returned file to nobody outside the department and reviewers once a corrected revision is approved and published', async () => {
      // Submit with a file, which the reviewer returns: it holds an ID-card number.
      ids.idCard = await uploadId(obsPath, '统计表.pdf', ID_CARD);
      const first = { indicatorId: h.ownIndicatorId, period: '2027', expectedRevision: 0 };
      expect(
        await write('/api/observations', { ...first, values: { value: 5.1, evidence: [ids.idCard] } }),
      ).toBe(1);
      await review('return', 1);
      // The department submits a corrected file, which is approved, and the indicator is published.
      ids.clean = await uploadId(obsPath, '统计表（更正）.pdf', CLEAN);
      await write('/api/observations', {
        ...first,
        expectedRevision: 2,
        values: { value: 5.1, evidence: [ids.clean] },
      });
      await review('approve', 3);
      const published = await h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.ownIndicatorId}/publish`,
        headers: as(h.sessions.planning_office),
        payload: { published: true },
      });
      expect(published.statusCode).toBe(200);

      for (const session of [undefined, h.sessions.public, h.sessions.other_reporter]) {
        expect(idsOf(await ev.list(session, obsPath))).toEqual([ids.clean]);
        expect((await ev.download(session, ids.idCard)).statusCode).toBe(404);
        const approved = await ev.download(session, ids.clean);
        expect(approved.statusCode).toBe(200);
        expect(approved.rawPayload).toEqual(CLEAN);
      }
      // The department and the reviewers still see both.
      for (const session of [
        h.sessions.department_reporter,
        h.sessions.reviewer,
        h.sessions.planning_office,
      ]) {
        expect(idsOf(await ev.list(session, obsPath))).toEqual([ids.idCard, ids.clean]);
        expect((await ev.download(session, ids.idCard)).rawPayload).toEqual(ID_CARD);
      }
    });

    it('lets the department withdraw a file from a returned submission; naming it again never publishes it', async () => {
      const key = encodeURIComponent(`${h.ownIndicatorId}|2028|`);
      const path = `/api/observations/${key}`;
      const kept = await uploadId(path, '旧附件.pdf', pdf('退回但未撤回'));
      const first = { indicatorId: h.ownIndicatorId, period: '2028', expectedRevision: 0 };
      await write('/api/observations', { ...first, values: { value: 1, evidence: [kept] } });
      await h.app.inject({
        method: 'POST',
        url: `${path}/return`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 1, reason: '附件有误' },
      });
      const withdrawn = await ev.withdraw(h.sessions.department_reporter, kept, '附件有误');
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json<{ state: string }>().state).toBe('withdrawn');
      const fresh = await uploadId(path, '新附件.pdf', pdf('重新提交'));
      // The resubmission still names the withdrawn file (a carried-over list, say).
      await write('/api/observations', {
        ...first,
        expectedRevision: 2,
        values: { value: 1, evidence: [kept, fresh] },
      });
      await h.app.inject({
        method: 'POST',
        url: `${path}/approve`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 3 },
      });
      expect(idsOf(await ev.list(undefined, path))).toEqual([fresh]);
      expect((await ev.download(undefined, kept)).statusCode).toBe(404);
      expect(idsOf(await ev.list(h.sessions.leader, path))).toEqual([fresh]);
      const own = (await ev.list(h.sessions.reviewer, path)).json<{ id: string; state: string }[]>();
      expect(own.map((f) => [f.id, f.state])).toEqual([
        [kept, 'withdrawn'],
        [fresh, 'active'],
      ]);
      expect((await ev.download(h.sessions.department_reporter, kept)).statusCode).toBe(200);
    });

    it('shows a leader only the approved revision’s evidence, in the list, the download and the history', async () => {
      const leader = h.sessions.leader;
      expect(idsOf(await ev.list(leader, obsPath))).toEqual([ids.clean]);
      expect((await ev.download(leader, ids.idCard)).statusCode).toBe(404);
      expect((await ev.download(leader, ids.clean)).statusCode).toBe(200);
      const historyOf = async (session: typeof leader) =>
        (await h.app.inject({ method: 'GET', url: `${obsPath}/history`, headers: as(session) })).json<
          { evidenceFiles: { id: string }[] }[]
        >();
      // The reviewer reads (and caches) the whole history first; the leader's view is still cut.
      expect((await historyOf(h.sessions.reviewer)).flatMap((r) => r.evidenceFiles.map((f) => f.id))).toEqual(
        [ids.idCard, ids.clean],
      );
      expect((await historyOf(leader)).flatMap((r) => r.evidenceFiles.map((f) => f.id))).toEqual([ids.clean]);
    });

    it('moves the public view to a correction’s files only when the correction is approved', async () => {
      ids.correction = await uploadId(obsPath, '更正说明.pdf', CORRECTION);
      await write(`${obsPath}/correct`, {
        expectedRevision: 4,
        reason: '口径调整',
        values: { value: 5.3, evidence: [ids.correction] },
      });
      // Under review: the approved revision in force (and its file) is what the public sees.
      expect(idsOf(await ev.list(undefined, obsPath))).toEqual([ids.clean]);
      expect(idsOf(await ev.list(h.sessions.leader, obsPath))).toEqual([ids.clean]);
      await review('approve', 5);
      expect(idsOf(await ev.list(undefined, obsPath))).toEqual([ids.correction]);
      expect(idsOf(await ev.list(h.sessions.leader, obsPath))).toEqual([ids.correction]);
      // The superseded file stays with the department and the reviewers.
      expect((await ev.download(undefined, ids.clean)).statusCode).toBe(404);
      expect((await ev.download(h.sessions.leader, ids.clean)).statusCode).toBe(404);
      expect((await ev.download(h.sessions.reviewer, ids.clean)).statusCode).toBe(200);
    });

    it('refuses a reporter of another department everything the public may not see', async () => {
      const other = h.sessions.other_reporter;
      const reportPath = `/api/progress-reports/${encodeURIComponent(`${h.ownTaskId}|2027`)}`;
      const reportFile = await uploadId(reportPath, '现场照片.pdf', pdf('进展报告附件'));
      expect((await ev.list(other, reportPath)).statusCode).toBe(403);
      expect((await ev.download(other, reportFile)).statusCode).toBe(403);
      expect((await ev.download(other, ids.idCard)).statusCode).toBe(404);
      expect((await ev.withdraw(other, reportFile)).statusCode).toBe(403);
      expect((await ev.redact(other, reportFile, '无权')).statusCode).toBe(403);
      // A leader sees a progress report's evidence only once a revision naming it is approved.
      expect(idsOf(await ev.list(h.sessions.leader, reportPath))).toEqual([]);
    });

    it('lets the department withdraw a file from a draft, not from a submission under review nor an approved one', async () => {
      const path = `/api/observations/${encodeURIComponent(`${h.ownIndicatorId}|2029|`)}`;
      const draftFile = await uploadId(path, '草稿附件.pdf', DRAFT_FILE);
      const reviewed = await uploadId(path, '送审附件.pdf', pdf('送审'));
      const first = { indicatorId: h.ownIndicatorId, period: '2029', expectedRevision: 0 };
      await write('/api/observations', {
        ...first,
        action: 'save_draft',
        values: { value: 2, evidence: [draftFile, reviewed] },
      });
      const withdrawn = await ev.withdraw(h.sessions.department_reporter, draftFile, '传错文件');
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json<{ state: string; withdrawnBy: string }>()).toMatchObject({ state: 'withdrawn' });
      // Submitted still naming both: the withdrawn file stays out, the other is under review.
      await write('/api/observations', {
        ...first,
        expectedRevision: 1,
        values: { value: 2, evidence: [draftFile, reviewed] },
      });
      const underReview = await ev.withdraw(h.sessions.department_reporter, reviewed);
      expect(underReview.statusCode).toBe(409);
      expect(underReview.json<{ code: string }>().code).toBe('evidence-under-review');
      await h.app.inject({
        method: 'POST',
        url: `${path}/approve`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 2 },
      });
      const approved = await ev.withdraw(h.sessions.department_reporter, reviewed);
      expect(approved.statusCode).toBe(409);
      expect(approved.json<{ code: string; messages: { zh: string; en: string } }>()).toMatchObject({
        code: 'evidence-approved',
        messages: {
          zh: expect.stringContaining('不能撤回') as string,
          en: expect.stringContaining('approved') as string,
        },
      });
      // The approval names the withdrawn file too, but it never reaches the public or a leader.
      expect(idsOf(await ev.list(undefined, path))).toEqual([reviewed]);
      expect(idsOf(await ev.list(h.sessions.leader, path))).toEqual([reviewed]);
      const audit = await h.app.inject({
        method: 'GET',
        url: '/api/audit?action=evidence.withdraw&limit=100',
        headers: as(h.sessions.planning_office),
      });
      const entries = audit.json<{ detail: { evidenceId: string; reason: string | null } }[]>();
      expect(entries.map((e) => e.detail)).toContainEqual(
        expect.objectContaining({ evidenceId: draftFile, reason: '传错文件' }),
      );
    });

    it('lets the planning office redact a file: audited with its reason, bytes gone, downloads 410', async () => {
      const sha = (await ev.list(h.sessions.reviewer, obsPath))
        .json<{ id: string; sha256: string }[]>()
        .find((f) => f.id === ids.correction)?.sha256;
      expect(sha !== undefined && onDisk(sha)).toBe(true);
      for (const session of [h.sessions.reviewer, h.sessions.department_reporter, h.sessions.leader]) {
        expect((await ev.redact(session, ids.correction, '含个人信息')).statusCode).toBe(403);
      }
      expect((await ev.redact(undefined, ids.correction, '含个人信息')).statusCode).toBe(401);
      expect((await ev.redact(h.sessions.planning_office, ids.correction, '   ')).statusCode).toBe(400);
      expect(onDisk(sha ?? '')).toBe(true);

      const res = await ev.redact(h.sessions.planning_office, ids.correction, '含身份证号码');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        state: 'redacted',
        redactionReason: '含身份证号码',
        fileName: '更正说明.pdf',
      });
      expect(onDisk(sha ?? '')).toBe(false);
      const gone = await ev.download(h.sessions.reviewer, ids.correction);
      expect(gone.statusCode).toBe(410);
      expect(gone.json<{ code: string; messages: { zh: string; en: string } }>()).toMatchObject({
        code: 'evidence-redacted',
        messages: {
          zh: expect.stringContaining('已由规划办删除') as string,
          en: expect.stringContaining('redacted') as string,
        },
      });
      // Name and size stay for the department; the public and the leader no longer see it at all.
      const own = (await ev.list(h.sessions.department_reporter, obsPath)).json<
        { id: string; sizeBytes: number }[]
      >();
      expect(own.find((f) => f.id === ids.correction)?.sizeBytes).toBe(CORRECTION.length);
      expect(idsOf(await ev.list(undefined, obsPath))).toEqual([]);
      expect((await ev.download(undefined, ids.correction)).statusCode).toBe(404);
      const audit = await h.app.inject({
        method: 'GET',
        url: '/api/audit?action=evidence.redact&limit=100',
        headers: as(h.sessions.planning_office),
      });
      expect(
        audit.json<{ actor: string; detail: { evidenceId: string; reason: string } }[]>(),
      ).toContainEqual(
        expect.objectContaining({
          detail: expect.objectContaining({ evidenceId: ids.correction, reason: '含身份证号码' }) as unknown,
        }),
      );
    });

    it('keeps content another live file holds when one of them is redacted', async () => {
      const reportPath = `/api/progress-reports/${encodeURIComponent(`${h.ownTaskId}|2028`)}`;
      const onReport = await uploadId(reportPath, '共用.pdf', SHARED);
      const onObservation = await uploadId(obsPath, '共用.pdf', SHARED);
      const shaOf =
        (await ev.list(h.sessions.reviewer, reportPath))
          .json<{ id: string; sha256: string }[]>()
          .find((f) => f.id === onReport)?.sha256 ?? '';
      expect(onDisk(shaOf)).toBe(true);
      expect((await ev.redact(h.sessions.planning_office, onReport, '重复上传')).statusCode).toBe(200);
      expect(onDisk(shaOf)).toBe(true);
      expect((await ev.download(h.sessions.reviewer, onObservation)).rawPayload).toEqual(SHARED);
      expect((await ev.download(h.sessions.reviewer, onReport)).statusCode).toBe(410);
      expect((await ev.redact(h.sessions.planning_office, onObservation, '重复上传')).statusCode).toBe(200);
      expect(onDisk(shaOf)).toBe(false);
    });
  });
});
