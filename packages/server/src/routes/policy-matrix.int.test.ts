import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { SAMPLE_PLAN_PATH } from '../../../db/src/testing/sample-plan.js';
import {
  type Harness,
  PASSWORD,
  type Persona,
  OWN_DEPT,
  PERSONAS,
  type Session,
  as,
  signIn,
} from '../testing/harness.js';
import { makeHarness } from '../testing/harness.js';
import { createNotificationIfAbsent, departmentIdsByName, findUserByEmail, listTasks } from '@plantrack/db';
import { reportCases } from '../testing/report-matrix.cases.js';
import { multipartFile } from '../testing/evidence-requests.js';
import { projectCases } from '../testing/project-matrix.cases.js';

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
  /** What an allowed caller's read-only token gets, when not `ok` (reads) or 403 (writes). */
  readOnlyToken?: number;
  /**
   * What a token scoped to the leader role, of a user who also holds administrator, planning office
   * and reviewer, gets when not what the leader's own session gets.
   */
  leaderToken?: number;
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
    // The department's own reporter submits, so every reviewer persona decides someone else's entry.
    headers: as(h.sessions.department_reporter),
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
    leaderToken: 403, // Tokens are issued from a session only.
    readOnlyToken: 403,
    run: ({ h, session }) =>
      h.app.inject({ method: 'POST', url: '/api/me/tokens', headers: as(session), payload: { name: 't' } }),
  },
  ...accountCases(),
  {
    route: 'POST /api/auth/sign-out',
    allowed: SIGNED_IN,
    ok: 204,
    readOnlyToken: 204, // The request signs in afresh and carries no token.
    leaderToken: 204,
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
    route: 'POST /api/review/approve-batch',
    allowed: ['reviewer', 'planning_office'],
    ok: 200,
    run: async ({ h, session, period }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/review/approve-batch',
        headers: as(session),
        payload: {
          items: [
            {
              kind: 'observation',
              key: decodeURIComponent(await submitted(h, 'obs', period)),
              expectedRevision: 1,
            },
          ],
        },
      }),
  },
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
    route: 'GET /api/audit/export.xlsx',
    allowed: ['administrator', 'planning_office'],
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: '/api/audit/export.xlsx', headers: as(session) }),
  },
  {
    route: 'GET /api/audit/export.csv',
    allowed: ['administrator', 'planning_office'],
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: '/api/audit/export.csv', headers: as(session) }),
  },
  {
    route: 'GET /api/audit/actors',
    allowed: ['administrator', 'planning_office'],
    ok: 200,
    run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/audit/actors', headers: as(session) }),
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
  {
    route: 'GET /api/public/plans',
    allowed: CALLERS,
    ok: 200,
    run: ({ session, h }) => h.app.inject({ method: 'GET', url: '/api/public/plans', headers: as(session) }),
  },
  {
    route: 'GET /api/plans/:planId/places',
    allowed: STAFF,
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: `/api/plans/${h.plan.planId}/places`, headers: as(session) }),
  },
  ...(['json', 'csv'] as const).map((format): Case => ({
    route: `GET /api/public/plans/:planId/export.${format}`,
    allowed: CALLERS,
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({
        method: 'GET',
        url: `/api/public/plans/${h.plan.planId}/export.${format}`,
        headers: as(session),
      }),
  })),
  ...evidenceCases(),
  ...assessmentCases(),
  ...notificationCases(),
  ...administrationCases(),
  ...curationCases(),
  ...roundCases(),
  // Last: they publish an indicator, which the rows before must not see yet.
  ...reportCases(),
  {
    route: 'GET /api/my/overview',
    allowed: ['department_reporter', 'other_reporter'],
    ok: 200,
    run: ({ h, session }) =>
      h.app.inject({ method: 'GET', url: '/api/my/overview?asOf=2028-02-15', headers: as(session) }),
  },
  {
    route: 'POST /api/observations/check',
    allowed: ['planning_office', 'department_reporter'],
    ok: 200,
    run: ({ h, session, period }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/observations/check',
        headers: as(session),
        payload: { indicatorId: h.ownIndicatorId, period, value: 5 },
      }),
  },
  ...projectCases(),
];

/** The dashboard, assessments, thresholds and reference series (see policies/assessment.policy.ts). */
function assessmentCases(): Case[] {
  const officeOnly: readonly Caller[] = ['administrator', 'planning_office'];
  const newSeries = async (h: Harness, period: string): Promise<string> => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/plans/${h.plan.planId}/reference-series`,
      headers: as(h.sessions.planning_office),
      payload: { key: `matrix-${period}`, name: '矩阵测试序列', kind: 'other', source: '测试 / test' },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json<{ id: string }>().id;
  };
  return [
    {
      route: 'GET /api/plans/:planId/dashboard',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/dashboard?asOf=2028-02-15`,
          headers: as(session),
        }),
    },
    {
      route: 'GET /api/indicators/:id/assessment',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/indicators/${h.otherIndicatorId}/assessment?asOf=2028-02-15`,
          headers: as(session),
        }),
    },
    {
      route: 'GET /api/plans/:planId/assessment-settings',
      allowed: officeOnly,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/assessment-settings`,
          headers: as(session),
        }),
    },
    {
      route: 'PUT /api/plans/:planId/assessment-settings',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session, caller }) => {
        const url = `/api/plans/${h.plan.planId}/assessment-settings`;
        const current = await h.app.inject({ method: 'GET', url, headers: as(h.sessions.planning_office) });
        return h.app.inject({
          method: 'PUT',
          url,
          headers: as(session),
          payload: {
            expectedRevision: current.json<{ revisionNo: number }>().revisionNo,
            thresholds: { id: `matrix-${caller}` },
          },
        });
      },
    },
    {
      route: 'GET /api/plans/:planId/review-settings',
      allowed: officeOnly,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/review-settings`,
          headers: as(session),
        }),
    },
    {
      route: 'PUT /api/plans/:planId/review-settings',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session }) => {
        const url = `/api/plans/${h.plan.planId}/review-settings`;
        const current = await h.app.inject({ method: 'GET', url, headers: as(h.sessions.planning_office) });
        return h.app.inject({
          method: 'PUT',
          url,
          headers: as(session),
          payload: {
            expectedRevision: current.json<{ revisionNo: number }>().revisionNo,
            officeSelfReview: false,
          },
        });
      },
    },
    {
      route: 'GET /api/plans/:planId/reference-series',
      allowed: SIGNED_IN,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/reference-series`,
          headers: as(session),
        }),
    },
    {
      route: 'POST /api/plans/:planId/reference-series',
      allowed: officeOnly,
      ok: 201,
      run: ({ h, session, period }) =>
        h.app.inject({
          method: 'POST',
          url: `/api/plans/${h.plan.planId}/reference-series`,
          headers: as(session),
          payload: { key: `matrix-create-${period}`, name: '矩阵测试序列', kind: 'city-average' },
        }),
    },
    {
      route: 'POST /api/reference-series/:seriesId/values',
      allowed: officeOnly,
      ok: 201,
      run: async ({ h, session, period }) =>
        h.app.inject({
          method: 'POST',
          url: `/api/reference-series/${await newSeries(h, period)}/values`,
          headers: as(session),
          payload: { period: '2026', value: 5 },
        }),
    },
    {
      route: 'PUT /api/indicators/:id/reference-series',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session, period }) =>
        h.app.inject({
          method: 'PUT',
          url: `/api/indicators/${h.otherIndicatorId}/reference-series`,
          headers: as(session),
          payload: { seriesId: await newSeries(h, period) },
        }),
    },
    {
      route: 'GET /api/public/plans/:planId/dashboard',
      allowed: CALLERS,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/public/plans/${h.plan.planId}/dashboard?asOf=2028-02-15`,
          headers: as(session),
        }),
    },
    {
      route: 'GET /api/public/indicators/:id/assessment (published indicator)',
      allowed: CALLERS,
      ok: 200,
      run: async ({ h, session }) => {
        await h.app.inject({
          method: 'PATCH',
          url: `/api/indicators/${h.otherIndicatorId}/publish`,
          headers: as(h.sessions.planning_office),
          payload: { published: true },
        });
        return h.app.inject({
          method: 'GET',
          url: `/api/public/indicators/${h.otherIndicatorId}/assessment?asOf=2028-02-15`,
          headers: as(session),
        });
      },
    },
  ];
}

/** Own notifications and running the reminder job (see policies/notification.policy.ts). */
function notificationCases(): Case[] {
  /** A notification of the caller's own (synthetic), to mark read. */
  const ownNotice = async (h: Harness, caller: Caller, period: string): Promise<string> => {
    if (caller === 'anonymous') return 'none';
    const user = await findUserByEmail(h.app.plantrack.db, h.emails[caller]);
    const { id } = await createNotificationIfAbsent(h.app.plantrack.db, {
      userId: user?.id ?? '',
      kind: 'due-soon',
      subjectKind: 'indicator',
      subjectKey: h.ownIndicatorId,
      period,
      title: { zh: '【待填报】矩阵测试', en: '[Due soon] matrix test' },
      body: { zh: '测试。', en: 'Test.' },
      dedupeKey: `matrix|${period}`,
    });
    return id ?? '';
  };
  return [
    {
      route: 'GET /api/my/notifications',
      allowed: SIGNED_IN,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: '/api/my/notifications?unread=true', headers: as(session) }),
    },
    {
      route: 'GET /api/my/notifications/unread-count',
      allowed: SIGNED_IN,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: '/api/my/notifications/unread-count', headers: as(session) }),
    },
    {
      route: 'POST /api/my/notifications/:id/read (own notification)',
      allowed: SIGNED_IN,
      ok: 200,
      leaderToken: 404, // The notification made for the case is the leader persona's.
      run: async ({ h, session, caller, period }) =>
        h.app.inject({
          method: 'POST',
          url: `/api/my/notifications/${await ownNotice(h, caller, period)}/read`,
          headers: as(session),
        }),
    },
    {
      route: 'POST /api/reminders/run',
      allowed: ['administrator', 'planning_office'],
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'POST', url: '/api/reminders/run', headers: as(session) }),
    },
  ];
}

/** Signing in, users, departments, indicator owners and reporting cycles (policies/admin.policy.ts). */
function administrationCases(): Case[] {
  const officeOnly: readonly Caller[] = ['administrator', 'planning_office'];
  const publicUserId = async (h: Harness): Promise<string> =>
    (await findUserByEmail(h.app.plantrack.db, h.emails.public))?.id ?? '';
  const ownDepartmentId = async (h: Harness): Promise<string> => {
    const row = await h.app.plantrack.db
      .selectFrom('users')
      .select('department_id')
      .where('email', '=', h.emails.department_reporter)
      .executeTakeFirst();
    return row?.department_id ?? '';
  };
  return [
    {
      route: 'POST /api/auth/sign-in',
      // Signing in needs no session: every caller (anonymous as the public user) gets in.
      allowed: CALLERS,
      ok: 200,
      readOnlyToken: 200, // The request carries no token.
      leaderToken: 200,
      run: ({ h, caller }) =>
        h.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: h.emails[caller === 'anonymous' ? 'public' : caller], password: PASSWORD },
        }),
    },
    {
      route: 'GET /api/admin/users',
      allowed: ['administrator'],
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: '/api/admin/users?active=true', headers: as(session) }),
    },
    {
      route: 'POST /api/admin/users',
      allowed: ['administrator'],
      ok: 201,
      run: ({ h, session, period }) =>
        h.app.inject({
          method: 'POST',
          url: '/api/admin/users',
          headers: as(session),
          payload: { email: `matrix-${period}@test.local`, displayName: '矩阵', roles: ['leader'] },
        }),
    },
    {
      route: 'PATCH /api/admin/users/:id',
      allowed: ['administrator'],
      ok: 200,
      run: async ({ h, session, period }) =>
        h.app.inject({
          method: 'PATCH',
          url: `/api/admin/users/${await publicUserId(h)}`,
          headers: as(session),
          payload: { displayName: `public ${period}` },
        }),
    },
    {
      route: 'GET /api/departments',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/departments?planId=${h.plan.planId}`,
          headers: as(session),
        }),
    },
    {
      route: 'POST /api/departments',
      allowed: officeOnly,
      ok: 201,
      run: ({ h, session, period }) =>
        h.app.inject({
          method: 'POST',
          url: '/api/departments',
          headers: as(session),
          payload: { regionCode: '320412', canonicalName: `区矩阵测试局${period}` },
        }),
    },
    {
      route: 'POST /api/departments/:id/aliases',
      allowed: officeOnly,
      ok: 201,
      run: async ({ h, session, period }) =>
        h.app.inject({
          method: 'POST',
          url: `/api/departments/${await ownDepartmentId(h)}/aliases`,
          headers: as(session),
          payload: { alias: `财政矩阵${period}` },
        }),
    },
    {
      route: 'GET /api/admin/users/import-template.xlsx',
      allowed: ['administrator'],
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: '/api/admin/users/import-template.xlsx', headers: as(session) }),
    },
    {
      route: 'POST /api/admin/users/import',
      allowed: ['administrator'],
      ok: 200,
      run: async ({ h, session }) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('用户');
        ws.addRow(['姓名', '电子邮箱', '部门', '角色']);
        ws.addRow(['矩阵', 'matrix-import@test.local', OWN_DEPT, '部门填报员']);
        const { payload, headers } = multipartFile('users.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
        return h.app.inject({
          method: 'POST',
          url: '/api/admin/users/import',
          headers: { ...as(session), ...headers },
          payload,
        });
      },
    },
    {
      route: 'PATCH /api/departments/:id',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session, period }) =>
        h.app.inject({
          method: 'PATCH',
          url: `/api/departments/${await ownDepartmentId(h)}`,
          headers: as(session),
          payload: { contact: { name: `联系人${period}`, phone: null, email: null } },
        }),
    },
    {
      route: 'POST /api/departments/:id/merge',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session, period }) => {
        const created = await h.app.inject({
          method: 'POST',
          url: '/api/departments',
          headers: as(h.sessions.planning_office),
          payload: { planId: h.plan.planId, canonicalName: `区矩阵合并局${period}` },
        });
        return h.app.inject({
          method: 'POST',
          url: `/api/departments/${created.json<{ id: string }>().id}/merge`,
          headers: as(session),
          payload: { into: await ownDepartmentId(h) },
        });
      },
    },
    {
      route: 'GET /api/plans/:planId/indicator-owners',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/indicator-owners`,
          headers: as(session),
        }),
    },
    {
      route: 'PUT /api/indicators/:id/owners (keeping the unassigned indicator unassigned)',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session }) => {
        const list = await h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/indicator-owners`,
          headers: as(h.sessions.planning_office),
        });
        const current = list
          .json<{ indicatorId: string; version: number }[]>()
          .find((o) => o.indicatorId === h.otherIndicatorId);
        return h.app.inject({
          method: 'PUT',
          url: `/api/indicators/${h.otherIndicatorId}/owners`,
          headers: { ...as(session), 'if-match': `"${current?.version ?? 0}"` },
          payload: { owners: [] },
        });
      },
    },
    {
      route: "PUT /api/tasks/:id/owners (the task's current owners, set again)",
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session }) => {
        const task = (await listTasks(h.app.plantrack.db, h.plan.planId)).find(
          (t) => t.taskId === h.otherTaskId,
        );
        return h.app.inject({
          method: 'PUT',
          url: `/api/tasks/${h.otherTaskId}/owners`,
          headers: as(session),
          payload: {
            owners: (task?.owners ?? []).map((o) => ({ department: o.departmentId, role: o.role })),
          },
        });
      },
    },
    {
      route: 'GET /api/plans/:planId/reporting-cycles',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/reporting-cycles`,
          headers: as(session),
        }),
    },
    {
      route: 'PUT /api/plans/:planId/reporting-cycles/:subjectKind/:key (the default rule, made explicit)',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session }) => {
        const { task_key: key } = await h.app.plantrack.db
          .selectFrom('tasks')
          .select('task_key')
          .where('id', '=', h.otherTaskId)
          .executeTakeFirstOrThrow();
        return h.app.inject({
          method: 'PUT',
          url: `/api/plans/${h.plan.planId}/reporting-cycles/task/${encodeURIComponent(key)}`,
          headers: as(session),
          payload: { frequency: 'annual', dueMonthOffset: 3, dueDay: 31 },
        });
      },
    },
    {
      route: 'GET /api/plans/:planId/owner-suggestions',
      allowed: officeOnly,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/owner-suggestions`,
          headers: as(session),
        }),
    },
    {
      route: "PUT /api/plans/:planId/owners (a task's current owners, set again)",
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session }) => {
        const task = (await listTasks(h.app.plantrack.db, h.plan.planId)).find(
          (t) => t.taskId === h.otherTaskId,
        );
        return h.app.inject({
          method: 'PUT',
          url: `/api/plans/${h.plan.planId}/owners`,
          headers: as(session),
          payload: {
            tasks: [
              {
                taskId: h.otherTaskId,
                owners: (task?.owners ?? []).map((o) => ({
                  department: o.departmentId,
                  role: o.role === 'lead' ? 'lead' : 'co',
                })),
              },
            ],
          },
        });
      },
    },
  ];
}

/** The plan reader's outline and framework curation (policies/curation.policy.ts). */
function curationCases(): Case[] {
  const officeOnly: readonly Caller[] = ['administrator', 'planning_office'];
  let revision = 0;
  /** A new, unconfirmed version (the sample text with extra trailing newlines: same model). */
  const newVersion = async (h: Harness): Promise<string> => {
    revision += 1;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: as(h.sessions.planning_office),
      payload: { text: `${sampleText}${'\n'.repeat(revision)}`, fileName: 'matrix.txt' },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json<{ versionId: string }>().versionId;
  };
  return [
    {
      route: 'GET /api/plans/:planId/outline',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: `/api/plans/${h.plan.planId}/outline`, headers: as(session) }),
    },
    {
      route: 'PATCH /api/indicators/:id',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session, period }) => {
        const edits = await h.app.inject({
          method: 'GET',
          url: `/api/indicators/${h.otherIndicatorId}/edits`,
          headers: as(h.sessions.planning_office),
        });
        return h.app.inject({
          method: 'PATCH',
          url: `/api/indicators/${h.otherIndicatorId}`,
          headers: as(session),
          payload: {
            expectedEditNo: edits.json<{ indicator: { editNo: number } }>().indicator.editNo,
            reason: '矩阵测试。',
            changes: { scope: `口径${period}` },
          },
        });
      },
    },
    {
      route: 'GET /api/indicators/:id/edits',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/indicators/${h.otherIndicatorId}/edits`,
          headers: as(session),
        }),
    },
    {
      route: 'GET /api/plans/:planId/versions',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: `/api/plans/${h.plan.planId}/versions`, headers: as(session) }),
    },
    {
      route: 'GET /api/plans/:planId/versions/:versionId/diff',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/versions/${h.plan.versionId}/diff`,
          headers: as(session),
        }),
    },
    {
      route: 'POST /api/plans/:planId/versions/:versionId/confirm',
      allowed: officeOnly,
      ok: 200,
      run: async ({ h, session, caller }) => {
        // Importing takes a while: only callers who may confirm get a fresh version of their own.
        const versionId = officeOnly.includes(caller) ? await newVersion(h) : h.plan.versionId;
        return h.app.inject({
          method: 'POST',
          url: `/api/plans/${h.plan.planId}/versions/${versionId}/confirm`,
          headers: as(session),
        });
      },
    },
    {
      route: 'GET /api/plans/:planId/findings',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: `/api/plans/${h.plan.planId}/findings`, headers: as(session) }),
    },
  ];
}

/** API tokens and passwords (services/token.service.ts, services/password.service.ts). */
function accountCases(): Case[] {
  const tokenOf = async (h: Harness, session: Session | undefined, body: object = {}) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: as(session),
      payload: { name: 'matrix', ...body },
    });
    return res.statusCode === 201 ? res.json<{ id: string; token: string }>() : { id: 'none', token: '' };
  };
  const changePassword = (h: Harness, session: Session | undefined, from: string, to: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: as(session),
      payload: { currentPassword: from, newPassword: to },
    });
  return [
    {
      route: 'GET /api/me/tokens',
      allowed: SIGNED_IN,
      ok: 200,
      run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/me/tokens', headers: as(session) }),
    },
    {
      route: 'DELETE /api/me/tokens/:tokenId (own token)',
      allowed: SIGNED_IN,
      ok: 200,
      leaderToken: 404, // The token made for the case is the leader persona's, not its owner's.
      run: async ({ h, session, caller }) => {
        const id = (await tokenOf(h, caller === 'anonymous' ? undefined : h.sessions[caller])).id;
        return h.app.inject({ method: 'DELETE', url: `/api/me/tokens/${id}`, headers: as(session) });
      },
    },
    {
      route: 'GET /api/admin/users/:id/tokens',
      allowed: ['administrator'],
      ok: 200,
      run: async ({ h, session }) => {
        const user = await findUserByEmail(h.app.plantrack.db, h.emails.public);
        return h.app.inject({
          method: 'GET',
          url: `/api/admin/users/${user?.id ?? ''}/tokens`,
          headers: as(session),
        });
      },
    },
    {
      route: 'DELETE /api/admin/users/:id/tokens/:tokenId',
      allowed: ['administrator'],
      ok: 200,
      run: async ({ h, session }) => {
        const user = await findUserByEmail(h.app.plantrack.db, h.emails.public);
        const { id } = await tokenOf(h, h.sessions.public);
        return h.app.inject({
          method: 'DELETE',
          url: `/api/admin/users/${user?.id ?? ''}/tokens/${id}`,
          headers: as(session),
        });
      },
    },
    {
      route: 'GET /api/auth/password-policy',
      allowed: CALLERS,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: '/api/auth/password-policy', headers: as(session) }),
    },
    {
      route: 'GET /api/instance',
      allowed: CALLERS,
      ok: 200,
      run: ({ h, session }) => h.app.inject({ method: 'GET', url: '/api/instance', headers: as(session) }),
    },
    {
      route: 'GET /api/plans/:planId/departments/:departmentId/summary',
      allowed: ['planning_office', 'department_reporter'],
      ok: 200,
      run: async ({ h, session }) => {
        const own = (await departmentIdsByName(h.app.plantrack.db, [OWN_DEPT])).get(OWN_DEPT) ?? '';
        return h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/departments/${own}/summary?format=json`,
          headers: as(session),
        });
      },
    },
    {
      route: 'POST /api/me/password',
      allowed: SIGNED_IN,
      ok: 204,
      leaderToken: 403, // Passwords are changed from a session only.
      run: async ({ h, session }) => {
        // Changed and changed back, so the other rows still sign in with PASSWORD.
        const changed = await changePassword(h, session, PASSWORD, 'Matrix-password 1');
        if (changed.statusCode === 204) await changePassword(h, session, 'Matrix-password 1', PASSWORD);
        return changed;
      },
    },
  ];
}

/** `GET /api/x/:id (what is special)` → `GET /api/x/:id`. */
const routeOf = (row: string): string => row.split(' ').slice(0, 2).join(' ');
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Every `METHOD /path/:param` of the app, as the generated OpenAPI document lists them. */
function registeredRoutes(h: Harness): string[] {
  const doc = h.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => HTTP_METHODS.has(m))
      .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

/** Evidence files: upload with the record's write policy, list and download with its read policy. */
function evidenceCases(): Case[] {
  const historyReaders: readonly Caller[] = [
    'administrator',
    'planning_office',
    'department_reporter',
    'reviewer',
    'leader',
  ];
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const obsKey = (h: Harness, period: string) => encodeURIComponent(`${h.ownIndicatorId}|${period}|`);
  const uploadTo = (h: Harness, session: Session | undefined, path: string, bytes: Buffer) => {
    const { payload, headers } = multipartBytes('evidence.pdf', bytes);
    return h.app.inject({ method: 'POST', url: path, headers: { ...as(session), ...headers }, payload });
  };
  return [
    {
      route: 'POST /api/observations/:key/evidence (own department’s indicator)',
      allowed: ['planning_office', 'department_reporter'],
      ok: 201,
      run: ({ h, session, period }) =>
        uploadTo(h, session, `/api/observations/${obsKey(h, period)}/evidence`, pdf),
    },
    {
      route: 'POST /api/progress-reports/:key/evidence (own department’s task)',
      allowed: ['planning_office', 'department_reporter'],
      ok: 201,
      run: ({ h, session, period }) =>
        uploadTo(
          h,
          session,
          `/api/progress-reports/${encodeURIComponent(`${h.ownTaskId}|${period}`)}/evidence`,
          pdf,
        ),
    },
    {
      route: 'GET /api/observations/:key/evidence (unpublished indicator)',
      allowed: historyReaders,
      ok: 200,
      run: ({ h, session, period }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/observations/${obsKey(h, period)}/evidence`,
          headers: as(session),
        }),
    },
    {
      route: 'GET /api/progress-reports/:key/evidence (own department’s task)',
      allowed: historyReaders,
      ok: 200,
      run: ({ h, session, period }) =>
        h.app.inject({
          method: 'GET',
          url: `/api/progress-reports/${encodeURIComponent(`${h.ownTaskId}|${period}`)}/evidence`,
          headers: as(session),
        }),
    },
    {
      // Leaders and administrators see only the approved revision's files: this one is not.
      route: 'GET /api/evidence/:id (unpublished indicator, no approval)',
      allowed: ['planning_office', 'department_reporter', 'reviewer'],
      ok: 200,
      otherwise: { administrator: 404, leader: 404 },
      run: async ({ h, session, period }) => {
        const id = await officeUpload(h, period);
        return h.app.inject({ method: 'GET', url: `/api/evidence/${id}`, headers: as(session) });
      },
    },
    {
      route: 'POST /api/evidence/:id/withdraw (a file no submission names)',
      allowed: ['planning_office', 'department_reporter'],
      ok: 200,
      run: async ({ h, session, period }) => {
        const id = await officeUpload(h, period);
        return h.app.inject({
          method: 'POST',
          url: `/api/evidence/${id}/withdraw`,
          headers: as(session),
          payload: {},
        });
      },
    },
    {
      route: 'POST /api/evidence/:id/redact',
      allowed: ['planning_office'],
      ok: 200,
      run: async ({ h, session, period }) => {
        const id = await officeUpload(h, period);
        return h.app.inject({
          method: 'POST',
          url: `/api/evidence/${id}/redact`,
          headers: as(session),
          payload: { reason: '含个人信息' },
        });
      },
    },
  ];
  /** A file the planning office uploads to the own department's observation of `period`. */
  async function officeUpload(h: Harness, period: string): Promise<string> {
    const bytes = Buffer.concat([pdf, Buffer.from(period)]);
    const up = await uploadTo(
      h,
      h.sessions.planning_office,
      `/api/observations/${obsKey(h, period)}/evidence`,
      bytes,
    );
    return up.json<{ id: string }>().id;
  }
}

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

    // Read-only tokens are refused every unsafe method in one place (authenticate), whatever the route.
    it.each(CASES.map((c) => [c.route, c] as const))(
      '%s with a read-only token of an allowed caller',
      async (route, c) => {
        const persona = PERSONAS.find((p) => c.allowed.includes(p)) ?? 'administrator';
        const issued = await h.app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: as(h.sessions[persona]),
          payload: { name: 'read-only matrix', readOnly: true },
        });
        expect(issued.statusCode, issued.body).toBe(201);
        const token: Session = { cookie: '', csrf: '', bearer: issued.json<{ token: string }>().token };
        const safe = route.startsWith('GET ');
        const expected = c.readOnlyToken ?? (safe ? (c.otherwise?.[persona] ?? c.ok) : 403);
        const res = await c.run({ h, session: token, caller: persona, period: nextPeriod() });
        expect(res.statusCode, res.body).toBe(expected);
        if (!safe && c.readOnlyToken === undefined) {
          expect(res.json<{ code: string }>().code).toBe('token-read-only');
        }
      },
    );

    // A token acts with the roles it was given, not all of its owner's.
    describe('a leader-scoped token of a user who also administers, plans and reviews', () => {
      let token: Session;
      beforeAll(async () => {
        const email = 'many.roles@test.local';
        const roles = ['administrator', 'planning_office', 'reviewer', 'leader'];
        await h.app.inject({
          method: 'POST',
          url: '/api/admin/users',
          headers: as(h.sessions.administrator),
          payload: { email, displayName: email, roles, password: PASSWORD },
        });
        const issued = await h.app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: as(await signIn(h.app, email)),
          payload: { name: 'leader only', roles: ['leader'] },
        });
        token = { cookie: '', csrf: '', bearer: issued.json<{ token: string }>().token };
      });

      it.each(CASES.map((c) => [c.route, c] as const))('%s', async (_route, c) => {
        const asLeader = c.otherwise?.leader ?? (c.allowed.includes('leader') ? c.ok : 403);
        const res = await c.run({ h, session: token, caller: 'leader', period: nextPeriod() });
        expect(res.statusCode, res.body).toBe(c.leaderToken ?? asLeader);
      });
    });

    it('has a row for every registered route', () => {
      const covered = new Set(CASES.map((c) => routeOf(c.route)));
      const missing = registeredRoutes(h).filter((r) => !covered.has(r));
      expect(missing, `Routes with no row in CASES (add one per route): ${missing.join(', ')}`).toEqual([]);
    });
  });
});

/**
 * Reporting rounds (policies/round.policy.ts). The writes name an unknown item or round, so callers
 * the policy lets through get 400/404 and the shared plan never switches to rounds (a round's real
 * effects are tested in rounds.int.test.ts).
 */
function roundCases(): Case[] {
  const officeOnly: readonly Caller[] = ['administrator', 'planning_office'];
  const base = (h: Harness) => `/api/plans/${h.plan.planId}/rounds`;
  return [
    {
      route: 'GET /api/plans/:planId/rounds',
      allowed: STAFF,
      ok: 200,
      run: ({ h, session }) => h.app.inject({ method: 'GET', url: base(h), headers: as(session) }),
    },
    {
      route: 'POST /api/plans/:planId/rounds (an unknown item key)',
      allowed: officeOnly,
      ok: 400,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'POST',
          url: base(h),
          headers: as(session),
          payload: {
            name: '矩阵轮次',
            period: '2030',
            dueDate: '2031-03-31',
            reminderDays: 7,
            semantics: 'annual_value',
            selection: { mode: 'list', indicatorKeys: ['没有这个指标'], taskKeys: [] },
          },
        }),
    },
    {
      route: 'GET /api/plans/:planId/rounds/:roundId/progress (an unknown round)',
      allowed: STAFF,
      ok: 404,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: `${base(h)}/no-such-round/progress`, headers: as(session) }),
    },
    {
      route: 'POST /api/plans/:planId/rounds/:roundId/close (an unknown round)',
      allowed: officeOnly,
      ok: 404,
      run: ({ h, session }) =>
        h.app.inject({ method: 'POST', url: `${base(h)}/no-such-round/close`, headers: as(session) }),
    },
  ];
}
