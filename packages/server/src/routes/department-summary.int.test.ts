import { departmentIdsByName, listIndicators, markDemoDatabase } from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, OTHER_DEPT, OWN_DEPT, as, makeHarness } from '../testing/harness.js';

type Item = { kind: string; name: string; period: string; why: string };
type Summary = { title: string; department: string; demo: boolean; late: Item[]; due: Item[] };

forEachDialect((dialect, open) => {
  describe('a department one-page summary over HTTP', () => {
    let h: Harness;
    let own: string;
    let other: string;
    let ownIndicator: string;
    const url = (dept: string, query: string) =>
      `/api/plans/${h.plan.planId}/departments/${dept}/summary?${query}`;
    const get = (dept: string, query: string, session = h.sessions.department_reporter) =>
      h.app.inject({ method: 'GET', url: url(dept, query), headers: as(session) });

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      const ids = await departmentIdsByName(h.app.plantrack.db, [OWN_DEPT, OTHER_DEPT]);
      own = ids.get(OWN_DEPT) ?? '';
      other = ids.get(OTHER_DEPT) ?? '';
      const indicators = await listIndicators(h.app.plantrack.db, h.plan.planId);
      ownIndicator = indicators.find((i) => i.indicatorId === h.ownIndicatorId)?.name ?? '';
    });

    it('lists what the department owes: due within the window before the date, late after it', async () => {
      // Annual reports for 2026 fall due on 31 March 2027 (the default rule).
      const before = await get(own, 'format=json&asOf=2027-03-20');
      expect(before.statusCode, before.body).toBe(200);
      const soon = before.json<Summary>();
      expect(soon.title).toBe(`${OWN_DEPT}规划实施情况摘要`);
      expect(soon.demo).toBe(false);
      expect(soon.due.map((i) => `${i.kind}|${i.name}|${i.period}`)).toContain(
        `indicator|${ownIndicator}|2026`,
      );
      expect(soon.late.filter((i) => i.why.startsWith('逾期'))).toEqual([]);

      const after = (await get(own, 'format=json&asOf=2027-04-10')).json<Summary>();
      expect(after.late).toContainEqual(
        expect.objectContaining({
          kind: 'indicator',
          name: ownIndicator,
          period: '2026',
          why: '逾期未报（未填报）',
        }),
      );
      expect(after.due.filter((i) => i.period === '2026')).toEqual([]);
    });

    it('drops a report from the late list once it is submitted', async () => {
      const saved = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          expectedRevision: 0,
          action: 'submit',
          values: { value: 1 },
        },
      });
      expect(saved.statusCode, saved.body).toBe(201);
      const after = (await get(own, 'format=json&asOf=2027-04-10')).json<Summary>();
      expect(after.late.filter((i) => i.name === ownIndicator && i.period === '2026')).toEqual([]);
    });

    it('downloads as Word and as HTML, marked as demo data on a demo database', async () => {
      const docx = await get(own, 'asOf=2027-04-10', h.sessions.planning_office);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      expect(docx.headers['content-disposition']).toContain(
        encodeURIComponent(`${OWN_DEPT}规划实施情况摘要`),
      );
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      await markDemoDatabase(h.app.plantrack.db);
      const html = await get(own, 'format=html&asOf=2027-04-10');
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toContain(`<h1>${OWN_DEPT}规划实施情况摘要</h1>`);
      expect(html.body).toContain('<div class="watermark" aria-hidden="true">演示数据</div>');
    });

    it("refuses another department's reporter, reviewers and leaders; 404 for an unknown department", async () => {
      expect((await get(own, 'format=json', h.sessions.other_reporter)).statusCode).toBe(403);
      expect((await get(own, 'format=json', h.sessions.leader)).statusCode).toBe(403);
      expect((await get(own, 'format=json', h.sessions.reviewer)).statusCode).toBe(403);
      expect((await get(other, 'format=json')).statusCode).toBe(403);
      expect((await get('no-such-department', 'format=json', h.sessions.planning_office)).statusCode).toBe(
        404,
      );
    });
  });
});
