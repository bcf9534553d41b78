import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { SAMPLE_PLAN_PATH } from '../../../db/src/testing/sample-plan.js';
import type {
  CuratedIndicatorDto,
  FindingsDto,
  FrameworkEditDto,
  VersionDiffDto,
  VersionSummaryDto,
} from '../services/plan/curation.service.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

type Edits = { indicator: CuratedIndicatorDto; edits: FrameworkEditDto[] };

forEachDialect((dialect, open) => {
  describe('framework curation', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
    });
    afterAll(async () => {
      await h.app.close();
    });

    const get = async <T>(url: string, persona: keyof Harness['sessions'] = 'planning_office') => {
      const res = await h.app.inject({ method: 'GET', url, headers: as(h.sessions[persona]) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    const patch = (payload: object, persona: keyof Harness['sessions'] = 'planning_office') =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.ownIndicatorId}`,
        headers: as(h.sessions[persona]),
        payload,
      });

    it('corrects a unit with a reason and records who, when, before, after and why', async () => {
      const before = await get<Edits>(`/api/indicators/${h.ownIndicatorId}/edits`);
      expect(before.edits).toEqual([]);
      const res = await patch({
        expectedEditNo: before.indicator.editNo,
        reason: '原文单位为亿元。',
        changes: { unit: '亿元（修订）', name: before.indicator.name },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ indicator: CuratedIndicatorDto; changedFields: string[] }>();
      expect(body.changedFields).toEqual(['unit']);
      expect(body.indicator.unit).toBe('亿元（修订）');
      expect(body.indicator.editNo).toBe(before.indicator.editNo + 1);

      const after = await get<Edits>(`/api/indicators/${h.ownIndicatorId}/edits`, 'reviewer');
      expect(after.edits).toHaveLength(1);
      expect(after.edits[0]).toMatchObject({
        field: 'unit',
        before: before.indicator.unit,
        after: '亿元（修订）',
        reason: '原文单位为亿元。',
        actorName: 'planning_office',
        versionNo: 1,
      });
    });

    it('answers a stale edit with 409 and the current token, in Chinese and English', async () => {
      const { indicator } = await get<Edits>(`/api/indicators/${h.ownIndicatorId}/edits`);
      const res = await patch({
        expectedEditNo: indicator.editNo - 1,
        reason: '旧页面。',
        changes: { unit: '万元' },
      });
      expect(res.statusCode).toBe(409);
      const problem = res.json<{ currentRevision: number; messages: { zh: string; en: string } }>();
      expect(problem.currentRevision).toBe(indicator.editNo);
      expect(problem.messages.zh).toMatch(/刷新/);
    });

    it('needs a reason, known fields and valid values; a reporter may not edit', async () => {
      expect((await patch({ expectedEditNo: 1, reason: ' ', changes: { unit: 'x' } })).statusCode).toBe(400);
      expect((await patch({ expectedEditNo: 1, reason: 'r', changes: { seq: '9' } })).statusCode).toBe(400);
      expect(
        (await patch({ expectedEditNo: 1, reason: 'r', changes: { attribute: '重要' } })).statusCode,
      ).toBe(400);
      const reporter = await patch(
        { expectedEditNo: 1, reason: 'r', changes: { unit: 'x' } },
        'department_reporter',
      );
      expect(reporter.statusCode).toBe(403);
      expect((await get<Edits>(`/api/indicators/${h.ownIndicatorId}/edits`)).edits).toHaveLength(1);
    });

    it('lists findings with the indicator they concern and the ingestion counts', async () => {
      const report = await get<FindingsDto>(`/api/plans/${h.plan.planId}/findings`);
      expect(report.versionId).toBe(h.plan.versionId);
      expect(report.counts).toMatchObject({ nodes: 101, indicators: h.plan.indicatorIds.length });
      const mismatch = report.findings.find((f) => f.code === 'scope-mismatch');
      expect(mismatch?.indicatorId).not.toBeNull();
      expect(h.plan.indicatorIds).toContain(mismatch?.indicatorId);
    });

    it('shows a revised outline as a new version with its differences, confirmed once', async () => {
      const original = readFileSync(SAMPLE_PLAN_PATH, 'utf8');
      // The indicator table comes last: rename its row of indicator 5.
      const at = original.lastIndexOf('高新技术企业数');
      const revised = `${original.slice(0, at)}高新技术企业数量${original.slice(at + '高新技术企业数'.length)}`;
      const imported = await h.app.inject({
        method: 'POST',
        url: '/api/plans/import',
        headers: as(h.sessions.planning_office),
        payload: { text: revised, fileName: 'revised.txt' },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const { versionId } = imported.json<{ versionId: string }>();

      const versions = await get<VersionSummaryDto[]>(`/api/plans/${h.plan.planId}/versions`, 'leader');
      expect(versions.map((v) => v.versionNo)).toEqual([1, 2]);
      expect(versions[1]).toMatchObject({ id: versionId, fileName: 'revised.txt', confirmedAt: null });
      const changes = versions[1]?.changes;
      expect((changes?.indicatorsAdded ?? 0) + (changes?.indicatorsChanged ?? 0)).toBeGreaterThan(0);

      const diffUrl = `/api/plans/${h.plan.planId}/versions/${versionId}/diff`;
      const diff = await get<VersionDiffDto>(diffUrl);
      expect(diff.previousVersionNo).toBe(1);
      const names = [...diff.indicators.added, ...diff.indicators.changed].map((i) => i.name);
      expect(names).toContain('高新技术企业数量');

      const confirmUrl = `/api/plans/${h.plan.planId}/versions/${versionId}/confirm`;
      const denied = await h.app.inject({
        method: 'POST',
        url: confirmUrl,
        headers: as(h.sessions.reviewer),
      });
      expect(denied.statusCode).toBe(403);
      const confirmed = await h.app.inject({
        method: 'POST',
        url: confirmUrl,
        headers: as(h.sessions.planning_office),
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json<VersionDiffDto>().confirmedAt).not.toBeNull();
      const again = await h.app.inject({
        method: 'POST',
        url: confirmUrl,
        headers: as(h.sessions.administrator),
      });
      expect(again.statusCode).toBe(409);

      const v1Findings = await get<FindingsDto>(
        `/api/plans/${h.plan.planId}/findings?versionId=${h.plan.versionId}`,
      );
      expect(v1Findings.versionNo).toBe(1);
    });

    it('does not mix up plans: a version id under another plan is not found', async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/plans/other-plan/versions/${h.plan.versionId}/diff`,
        headers: as(h.sessions.planning_office),
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    });
  });
});
