import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

type Problem = {
  status: number;
  code: string;
  messages: { zh: string; en: string };
  errors?: { path: string; message: string }[];
};

/** A 400 problem+json that names the field in both languages. */
function expectRefused(res: LightMyRequestResponse, field: string): void {
  expect(res.statusCode, res.body).toBe(400);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json<Problem>();
  expect(body.code).toBe('control-character');
  expect(body.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.messages.zh).toContain(field);
  expect(body.messages.en).toContain(field);
  expect(body.errors?.map((e) => e.path)).toContain(field);
}

const NUL = String.fromCharCode(0);
const ESC = String.fromCharCode(0x1b);
const DEL = String.fromCharCode(0x7f);

forEachDialect((dialect, open) => {
  describe('control characters in requests', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      return async () => {
        await h.app.close();
      };
    });

    const report = (narrative: string, period: string, extra: object = {}) =>
      h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(h.sessions.department_reporter),
        payload: {
          taskId: h.ownTaskId,
          period,
          expectedRevision: 0,
          values: { progress: 'in_progress', narrative, ...extra },
        },
      });

    it('refuses a NUL in a search, signed in or not', async () => {
      for (const session of [h.sessions.leader, undefined]) {
        const res = await h.app.inject({
          method: 'GET',
          url: `/api/search?q=${encodeURIComponent(`国资${NUL}国企`)}`,
          headers: as(session),
        });
        expectRefused(res, 'querystring/q');
      }
    });

    it('refuses a NUL in a JSON text field and saves nothing', async () => {
      expectRefused(await report(`按计划推进${NUL}。`, '2026'), 'body/values/narrative');
      const history = await h.app.inject({
        method: 'GET',
        url: `/api/progress-reports/${encodeURIComponent(`${h.ownTaskId}|2026`)}/history`,
        headers: as(h.sessions.planning_office),
      });
      expect(history.json<unknown[]>()).toEqual([]);
      const department = await h.app.inject({
        method: 'POST',
        url: '/api/departments',
        headers: as(h.sessions.planning_office),
        payload: { regionCode: '320412', canonicalName: `区测试局${NUL}` },
      });
      expectRefused(department, 'body/canonicalName');
    });

    it('refuses other C0 controls and DEL, in nested values and in keys', async () => {
      expectRefused(await report(`推进${ESC}[31m`, '2026'), 'body/values/narrative');
      expectRefused(await report(`推进${DEL}`, '2026'), 'body/values/narrative');
      expectRefused(await report('推进', '2026', { evidence: ['ok', `x${NUL}`] }), 'body/values/evidence/1');
      expectRefused(await report('推进', '2026', { [`comment${NUL}`]: 'x' }), 'body/values/comment\\u0000');
    });

    it('refuses a NUL in a query parameter and in a route parameter', async () => {
      const audit = await h.app.inject({
        method: 'GET',
        url: `/api/audit?actor=${encodeURIComponent(`office${NUL}`)}`,
        headers: as(h.sessions.planning_office),
      });
      expectRefused(audit, 'querystring/actor');
      const indicator = await h.app.inject({
        method: 'GET',
        url: `/api/indicators/${encodeURIComponent(`${h.ownIndicatorId}${NUL}`)}`,
        headers: as(h.sessions.planning_office),
      });
      expectRefused(indicator, 'params/id');
      const history = await h.app.inject({
        method: 'GET',
        url: `/api/progress-reports/${encodeURIComponent(`${h.ownTaskId}|2026${NUL}`)}/history`,
        headers: as(h.sessions.planning_office),
      });
      expectRefused(history, 'params/key');
    });

    it('accepts tabs, line feeds and carriage returns', async () => {
      const res = await report('第一段\t推进中。\r\n第二段：完成验收。\n', '2027');
      expect(res.statusCode, res.body).toBe(201);
      const search = await h.app.inject({
        method: 'GET',
        url: `/api/search?q=${encodeURIComponent('完成验收\t第二段')}`,
        headers: as(h.sessions.department_reporter),
      });
      expect(search.statusCode, search.body).toBe(200);
      expect(search.json<unknown[]>()).toHaveLength(1);
    });
  });
});
