import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import type { OutlineDto, OutlineNodeDto } from '../services/plan/outline.service.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

const flatten = (nodes: OutlineNodeDto[]): OutlineNodeDto[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

forEachDialect((dialect, open) => {
  describe('plan outline for the reader', () => {
    let h: Harness;
    let outline: OutlineDto;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/outline`,
        headers: as(h.sessions.department_reporter),
      });
      expect(res.statusCode, res.body).toBe(200);
      outline = res.json<OutlineDto>();
    });
    afterAll(async () => {
      await h.app.close();
    });

    it('nests 篇/章/节 under one another, each span inside its parent and pointing at its heading', () => {
      expect(outline.versionId).toBe(h.plan.versionId);
      expect(outline.outline.map((n) => n.kind)).toEqual(Array(8).fill('part'));
      const all = flatten(outline.outline);
      expect(all).toHaveLength(101);
      for (const parent of all) {
        for (const child of parent.children) {
          expect(child.depth).toBe(parent.depth + 1);
          expect(child.source.start).toBeGreaterThanOrEqual(parent.source.start);
          expect(child.source.end).toBeLessThanOrEqual(parent.source.end);
        }
        expect(outline.text.slice(parent.source.start, parent.source.end)).toContain(parent.title);
      }
    });

    it('sends the whole text once, with items whose spans point at their own words', () => {
      expect(outline.text.length).toBe(41_245);
      expect(outline.text).toContain('新型工业化');
      const clause = outline.assignments[0];
      expect(clause?.owners.length).toBeGreaterThan(0);
      expect(outline.text.slice(clause?.source.start, clause?.source.end)).toBe(clause?.clause);
      for (const c of outline.commitments) {
        expect(outline.text.slice(c.source.start, c.source.end)).toContain(c.subject.slice(0, 2));
      }
      const indicator = outline.indicators.find((i) => i.seq === '5');
      expect(outline.text.slice(indicator?.source.start, indicator?.source.end)).toContain('高新技术企业');
      expect(outline.findings.map((f) => f.code)).toContain('scope-mismatch');
    });

    it('shows a corrected indicator as corrected', async () => {
      const edits = await h.app.inject({
        method: 'GET',
        url: `/api/indicators/${h.otherIndicatorId}/edits`,
        headers: as(h.sessions.planning_office),
      });
      const editNo = edits.json<{ indicator: { editNo: number } }>().indicator.editNo;
      const patch = await h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.otherIndicatorId}`,
        headers: as(h.sessions.planning_office),
        payload: { expectedEditNo: editNo, reason: '核对原文。', changes: { unit: '测试单位' } },
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/outline?versionId=${h.plan.versionId}`,
        headers: as(h.sessions.leader),
      });
      const after = res.json<OutlineDto>().indicators.find((i) => i.id === h.otherIndicatorId);
      expect(after?.unit).toBe('测试单位');
    });

    it('refuses the public and unknown or foreign versions', async () => {
      const url = `/api/plans/${h.plan.planId}/outline`;
      expect((await h.app.inject({ method: 'GET', url, headers: as(h.sessions.public) })).statusCode).toBe(
        403,
      );
      expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      const missing = await h.app.inject({
        method: 'GET',
        url: `${url}?versionId=nope`,
        headers: as(h.sessions.leader),
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json<{ messages: { zh: string } }>().messages.zh).toMatch(/未找到/);
      const noPlan = await h.app.inject({
        method: 'GET',
        url: '/api/plans/nope/outline',
        headers: as(h.sessions.leader),
      });
      expect(noPlan.statusCode).toBe(404);
    });
  });
});
