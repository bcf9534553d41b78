import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { SAMPLE_PLAN_PATH } from '../../../db/src/testing/sample-plan.js';
import { type Harness, type Persona, PERSONAS, type Session, as, signIn } from '../testing/harness.js';
import { makeHarness } from '../testing/harness.js';

/** Every role (and a reporter of another department) against every route: the expected status. */
type Caller = Persona | 'anonymous';
const CALLERS: readonly Caller[] = [...PERSONAS, 'anonymous'];
const SIGNED_IN = PERSONAS;
const STAFF: readonly Persona[] = [
  'administrator',
  'planning_office',
  'department_reporter',
  'other_reporter',
  'reviewer',
  'leader',
];

type Ctx = { h: Harness; session: Session | undefined; caller: Caller; period: string };
type Case = {
  route: string;
  /** Who gets `ok`; signed-in callers not listed get 403, anonymous callers 401. */
  allowed: readonly Caller[];
  ok: number;
  /** Callers the policy lets through but the request itself is refused for (e.g. 422). */
  otherwise?: Partial<Record<Caller, number>>;
  run: (c: Ctx) => Promise<LightMyRequestResponse>;
};

let year = 2031;
const nextPeriod = (): string => String((year += 1));

/** Where each record kind is written, and a first submission of it on the reporter's own item. */
const RECORD_KINDS = {
  obs: {
    path: '/api/observations',
    firstSubmission: (h: Harness, period: string) => ({
      indicatorId: h.ownIndicatorId,
      period,
      expectedRevision: 0,
      values: { value: 1 },
    }),
  },
  report: {
    path: '/api/progress-reports',
    firstSubmission: (h: Harness, period: string) => ({
      taskId: h.ownTaskId,
      period,
      expectedRevision: 0,
      values: { progress: 'in_progress', narrative: '推进中' },
    }),
  },
} as const;

async function submitted(
  h: Harness,
  kind: keyof typeof RECORD_KINDS,
  period: string,
  approve = false,
): Promise<string> {
  const { path, firstSubmission } = RECORD_KINDS[kind];
  const res = await h.app.inject({
    method: 'POST',
    url: path,
    headers: as(h.sessions.planning_office),
    payload: firstSubmission(h, period),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const key = res.json<{ key: string }>().key;
  if (approve) {
    const a = await h.app.inject({
      method: 'POST',
      url: `${path}/${encodeURIComponent(key)}/approve`,
      headers: as(h.sessions.reviewer),
      payload: { expectedRevision: 1 },
    });
    if (a.statusCode !== 200) throw new Error(a.body);
  }
  return encodeURIComponent(key);
}

/** approve, return, correct and history of one record kind, each on a record made for the case. */
function keyRouteCases(
  kind: keyof typeof RECORD_KINDS,
  payloads: { returnReason: string; correction: { values: object; reason: string } },
): Case[] {
  const { path } = RECORD_KINDS[kind];
  const reviewers: readonly Caller[] = ['reviewer', 'planning_office'];
  const keyRoute =
    (action: string, approved: boolean, payload?: object): Case['run'] =>
    async ({ h, session, period }) =>
      h.app.inject({
        method: payload === undefined ? 'GET' : 'POST',
        url: `${path}/${await submitted(h, kind, period, approved)}/${action}`,
        headers: as(session),
        ...(payload === undefined ? {} : { payload }),
      });
  return [
    {
      route: `POST ${path}/:key/approve`,
      allowed: reviewers,
      ok: 200,
      run: keyRoute('approve', false, { expectedRevision: 1 }),
    },
    {
      route: `POST ${path}/:key/return`,
      allowed: reviewers,
      ok: 200,
      run: keyRoute('return', false, { expectedRevision: 1, reason: payloads.returnReason }),
    },
    {
      route: `POST ${path}/:key/correct`,
      allowed: ['planning_office', 'department_reporter'],
      ok: 200,
      run: keyRoute('correct', true, { expectedRevision: 2, ...payloads.correction }),
    },
    {
      route: `GET ${path}/:key/history (drafts included)`,
      allowed: ['administrator', 'planning_office', 'department_reporter', 'reviewer', 'leader'],
      ok: 200,
      run: keyRoute('history', false),
    },
  ];
}

function multipart(fileName: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  return multipartBytes(fileName, Buffer.from(content, 'utf8'));
}

function multipartBytes(
  fileName: string,
  bytes: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const sampleText = readFileSync(SAMPLE_PLAN_PATH, 'utf8');
const obsValues = { value: 3 };
const report = { progress: 'in_progress', narrative: '按计划推进。' };

const CASES: Case[] = [
  {
    route: 'GET /api/me',
    allowed: SIGNED_IN,
    ok: 200,
    run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/me', headers: as(session) }),
  },
  {
    route: 'POST /api/me/tokens',
    allowed: SIGNED_IN,
    ok: 201,
    run: ({ h, session }) =>
      h.app.inject({ method: 'POST', url: '/api/me/tokens', headers: as(session), payload: { name: 't' } }),
  },
  {
    route: 'POST /api/auth/sign-out',
    allowed: SIGNED_IN,
    ok: 204,
    run: async ({ h, caller }) => {
      const fresh = caller === 'anonymous' ? undefined : await signIn(h.app, h.emails[caller]);
      return h.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: as(fresh) });
    },
  },
  {
    route: 'GET /api/plans',
    allowed: SIGNED_IN,
    ok: 200,
    run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/plans', headers: as(session) }),
  },
  {
    route: 'GET /api/plans/:planId/indicators',
    allowed: STAFF,
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/indicators?attribute=约束性&pageSize=5`,
        headers: as(session),
      }),
  },
  {
    route: 'GET /api/indicators/:id',
    allowed: STAFF,
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: `/api/indicators/${h.ownIndicatorId}`, headers: as(session) }),
  },
  {
    route: 'GET /api/plans/:planId/tasks',
    allowed: STAFF,
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: `/api/plans/${h.plan.planId}/tasks`, headers: as(session) }),
  },
  {
    route: 'POST /api/plans/import',
    allowed: ['administrator', 'planning_office'],
    ok: 201,
    run: ({ h, session }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/plans/import',
        headers: as(session),
        payload: { text: sampleText, fileName: 'wujin.txt' },
      }),
  },
  {
    route: 'POST /api/plans/import/file',
    allowed: ['administrator', 'planning_office'],
    ok: 201,
    run: ({ h, session }) => {
      const { payload, headers } = multipart('wujin.txt', sampleText);
      return h.app.inject({
        method: 'POST',
        url: '/api/plans/import/file',
        headers: { ...as(session), ...headers },
        payload,
      });
    },
  },
  {
    route: 'PATCH /api/indicators/:id/publish',
    allowed: ['planning_office'],
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.otherIndicatorId}/publish`,
        headers: as(session),
        payload: { published: true },
      }),
  },
  {
    route: 'GET /api/my/items',
    allowed: ['department_reporter', 'other_reporter'],
    ok: 200,
    run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/my/items', headers: as(session) }),
  },
  {
    route: 'POST /api/observations (own department’s indicator)',
    allowed: ['planning_office', 'department_reporter'],
    ok: 201,
    run: ({ h, session, period }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(session),
        payload: {
          indicatorId: h.ownIndicatorId,
          period,
          action: 'save_draft',
          expectedRevision: 0,
          values: obsValues,
        },
      }),
  },
  {
    route: 'POST /api/observations (unassigned indicator)',
    allowed: ['planning_office'],
    ok: 201,
    run: ({ h, session, period }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(session),
        payload: { indicatorId: h.otherIndicatorId, period, expectedRevision: 0, values: obsValues },
      }),
  },
  ...keyRouteCases('obs', {
    returnReason: '请补充数据来源。',
    correction: { values: { value: 4 }, reason: '统计局修订。' },
  }),
  {
    route: 'POST /api/progress-reports (own department’s task)',
    allowed: ['planning_office', 'department_reporter'],
    ok: 201,
    run: ({ h, session, period }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(session),
        payload: { taskId: h.ownTaskId, period, expectedRevision: 0, values: report },
      }),
  },
  {
    route: 'POST /api/progress-reports (other department’s task)',
    allowed: ['planning_office', 'other_reporter'],
    ok: 201,
    run: ({ h, session, period }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(session),
        payload: { taskId: h.otherTaskId, period, expectedRevision: 0, values: report },
      }),
  },
  ...keyRouteCases('report', {
    returnReason: '请附佐证材料。',
    correction: { values: report, reason: '补充说明。' },
  }),
  {
    route: 'GET /api/my/periods',
    allowed: ['department_reporter', 'other_reporter'],
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: '/api/my/periods?asOf=2028-02-15', headers: as(session) }),
  },
  {
    route: 'GET /api/plans/:planId/missing-reports',
    allowed: ['administrator', 'planning_office', 'leader'],
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/missing-reports?period=2026&asOf=2028-02-15`,
        headers: as(session),
      }),
  },
  {
    route: 'GET /api/my/template.xlsx',
    allowed: ['department_reporter', 'other_reporter'],
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: '/api/my/template.xlsx?asOf=2028-02-15', headers: as(session) }),
  },
  {
    route: 'POST /api/my/template.xlsx (a draft for the own department’s indicator)',
    allowed: ['department_reporter'],
    ok: 200,
    // The policy admits every reporter; a row of another department's indicator is a cell error.
    otherwise: { other_reporter: 422 },
    run: async ({ h, session, caller }) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('指标');
      ws.addRow(['指标ID', '序号', '指标名称', '单位', '期间', '口径', '数值', '是否预计', '来源', '说明']);
      ws.addRow([h.ownIndicatorId, '1', '', '', '2027', '', 1, '', '', caller]);
      const { payload, headers } = multipartBytes('t.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      return h.app.inject({
        method: 'POST',
        url: '/api/my/template.xlsx?asOf=2028-02-15',
        headers: { ...as(session), ...headers },
        payload,
      });
    },
  },
  {
    route: 'GET /api/review/queue',
    allowed: ['reviewer', 'planning_office'],
    ok: 200,
    run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/review/queue', headers: as(session) }),
  },
  {
    route: 'GET /api/audit',
    allowed: ['administrator', 'planning_office'],
    ok: 200,
    run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/audit?limit=5', headers: as(session) }),
  },
  {
    route: 'GET /api/search',
    allowed: CALLERS,
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({
        method: 'GET',
        url: `/api/search?q=${encodeURIComponent('人才')}`,
        headers: as(session),
      }),
  },
  {
    route: 'GET /api/public/plans/:planId/indicators',
    allowed: CALLERS,
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({
        method: 'GET',
        url: `/api/public/plans/${h.plan.planId}/indicators`,
        headers: as(session),
      }),
  },
];

forEachDialect((dialect, open) => {
  describe('policy matrix: every role × every route', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      return async () => {
        await h.app.close();
      };
    });

    it.each(CASES.map((c) => [c.route, c] as const))('%s', async (_route, c) => {
      const expected: Record<string, number> = {};
      const actual: Record<string, number> = {};
      for (const caller of CALLERS) {
        expected[caller] =
          c.otherwise?.[caller] ?? (c.allowed.includes(caller) ? c.ok : caller === 'anonymous' ? 401 : 403);
        const session = caller === 'anonymous' ? undefined : h.sessions[caller];
        const res = await c.run({ h, session, caller, period: nextPeriod() });
        actual[caller] = res.statusCode;
        if (res.statusCode >= 400) expect(String(res.headers['content-type'])).toMatch(/problem\+json/);
      }
      expect(actual).toEqual(expected);
    });
  });
});
