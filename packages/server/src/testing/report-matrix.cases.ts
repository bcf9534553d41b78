import type { LightMyRequestResponse } from 'fastify';
import { type Harness, type Persona, type Session, as } from './harness.js';

/**
 * The report routes' rows of the role × route matrix (routes/policy-matrix.int.test.ts): who reads
 * reports before publication (office, administrators, leaders, reviewers), who writes them (office,
 * administrators), who approves (leaders), and that published reports are for everyone.
 */
type Caller = Persona | 'anonymous';
type ReportCase = {
  route: string;
  allowed: readonly Caller[];
  ok: number;
  otherwise?: Partial<Record<Caller, number>>;
  readOnlyToken?: number;
  leaderToken?: number;
  run: (c: {
    h: Harness;
    session: Session | undefined;
    caller: Caller;
    period: string;
  }) => Promise<LightMyRequestResponse>;
};

const READERS: readonly Caller[] = ['administrator', 'planning_office', 'leader', 'reviewer'];
const EDITORS: readonly Caller[] = ['administrator', 'planning_office'];
const EVERYONE: readonly Caller[] = [
  'administrator',
  'planning_office',
  'department_reporter',
  'other_reporter',
  'reviewer',
  'leader',
  'public',
  'anonymous',
];

type Stage = 'draft' | 'in_review' | 'approved' | 'published';

/** A new annual report of the harness plan, brought to `stage` by the office and a leader. */
async function reportIn(h: Harness, stage: Stage): Promise<string> {
  const office = as(h.sessions.planning_office);
  const created = await h.app.inject({
    method: 'POST',
    url: `/api/plans/${h.plan.planId}/reports`,
    headers: office,
    payload: { kind: 'annual', year: 2026 },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json<{ id: string }>().id;
  const steps: [Stage, string, Record<string, string>][] = [
    ['in_review', 'submit', office],
    ['approved', 'approve', as(h.sessions.leader)],
    ['published', 'publish', office],
  ];
  const order: Stage[] = ['draft', 'in_review', 'approved', 'published'];
  for (const [reached, action, headers] of steps) {
    if (order.indexOf(stage) < order.indexOf(reached)) break;
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/reports/${id}/${action}`,
      headers,
      payload: {},
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  return id;
}

/** The plan is public once an indicator is published. */
async function publishOneIndicator(h: Harness): Promise<void> {
  await h.app.inject({
    method: 'PATCH',
    url: `/api/indicators/${h.otherIndicatorId}/publish`,
    headers: as(h.sessions.planning_office),
    payload: { published: true },
  });
}

export function reportCases(): ReportCase[] {
  const get =
    (url: (h: Harness, id: string) => string, stage: Stage = 'draft'): ReportCase['run'] =>
    async ({ h, session }) =>
      h.app.inject({ method: 'GET', url: url(h, await reportIn(h, stage)), headers: as(session) });
  const post =
    (action: string, stage: Stage, payload: object = {}): ReportCase['run'] =>
    async ({ h, session }) =>
      h.app.inject({
        method: 'POST',
        url: `/api/reports/${await reportIn(h, stage)}/${action}`,
        headers: as(session),
        payload,
      });
  return [
    {
      route: 'POST /api/plans/:planId/reports',
      allowed: EDITORS,
      ok: 201,
      run: ({ h, session }) =>
        h.app.inject({
          method: 'POST',
          url: `/api/plans/${h.plan.planId}/reports`,
          headers: as(session),
          payload: { kind: 'briefing', year: 2026 },
        }),
    },
    {
      route: 'GET /api/plans/:planId/reports',
      allowed: READERS,
      ok: 200,
      run: ({ h, session }) =>
        h.app.inject({ method: 'GET', url: `/api/plans/${h.plan.planId}/reports`, headers: as(session) }),
    },
    { route: 'GET /api/reports/:id', allowed: READERS, ok: 200, run: get((_h, id) => `/api/reports/${id}`) },
    {
      route: 'GET /api/reports/:id/file (html)',
      allowed: READERS,
      ok: 200,
      run: get((_h, id) => `/api/reports/${id}/file?format=html`),
    },
    {
      route: 'GET /api/reports/:id/sections',
      allowed: READERS,
      ok: 200,
      run: get((_h, id) => `/api/reports/${id}/sections`),
    },
    {
      route: 'GET /api/reports/:id/sections/:key/history',
      allowed: READERS,
      ok: 200,
      run: get((_h, id) => `/api/reports/${id}/sections/problems/history`),
    },
    {
      route: 'PUT /api/reports/:id/sections/:key',
      allowed: EDITORS,
      ok: 200,
      run: async ({ h, session }) =>
        h.app.inject({
          method: 'PUT',
          url: `/api/reports/${await reportIn(h, 'draft')}/sections/problems`,
          headers: as(session),
          payload: { text: '部分指标进度滞后。', baseRevision: 0 },
        }),
    },
    { route: 'POST /api/reports/:id/submit', allowed: EDITORS, ok: 200, run: post('submit', 'draft') },
    {
      route: 'POST /api/reports/:id/approve',
      allowed: ['leader'],
      ok: 200,
      run: post('approve', 'in_review'),
    },
    {
      route: 'POST /api/reports/:id/return',
      allowed: ['leader'],
      ok: 200,
      run: post('return', 'in_review', { note: '请补充存在问题分析。' }),
    },
    { route: 'POST /api/reports/:id/publish', allowed: EDITORS, ok: 200, run: post('publish', 'approved') },
    {
      route: 'GET /api/public/plans/:planId/reports',
      allowed: EVERYONE,
      ok: 200,
      run: async ({ h, session }) => {
        await publishOneIndicator(h);
        return h.app.inject({
          method: 'GET',
          url: `/api/public/plans/${h.plan.planId}/reports`,
          headers: as(session),
        });
      },
    },
    {
      route: 'GET /api/public/reports/:id/file (published report)',
      allowed: EVERYONE,
      ok: 200,
      run: async ({ h, session }) => {
        await publishOneIndicator(h);
        const id = await reportIn(h, 'published');
        return h.app.inject({
          method: 'GET',
          url: `/api/public/reports/${id}/file?format=html`,
          headers: as(session),
        });
      },
    },
    {
      // A report not yet published does not exist for the public routes, whoever asks.
      route: 'GET /api/public/reports/:id/file (approved, not published)',
      allowed: [],
      ok: 200,
      otherwise: Object.fromEntries(EVERYONE.map((c) => [c, 404])),
      readOnlyToken: 404,
      leaderToken: 404,
      run: async ({ h, session }) => {
        await publishOneIndicator(h);
        const id = await reportIn(h, 'approved');
        return h.app.inject({
          method: 'GET',
          url: `/api/public/reports/${id}/file?format=html`,
          headers: as(session),
        });
      },
    },
  ];
}
