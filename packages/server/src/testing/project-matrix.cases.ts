import type { LightMyRequestResponse } from 'fastify';
import { type Harness, type Persona, type Session, OWN_DEPT, as } from './harness.js';
import { multipartFile } from './evidence-requests.js';
import { writeProjectSheet } from '@plantrack/formats';

/**
 * The major-project routes' rows of the role × route matrix (routes/policy-matrix.int.test.ts):
 * the office manages the register; the 责任单位's reporter reads and reports its own projects;
 * reviewers approve or return; leaders, reviewers and administrators read; published projects are
 * for everyone. Every row works on a project made for it, owned by the reporter's department.
 */
type Caller = Persona | 'anonymous';
type ProjectCase = {
  route: string;
  allowed: readonly Caller[];
  ok: number;
  run: (c: {
    h: Harness;
    session: Session | undefined;
    caller: Caller;
    period: string;
  }) => Promise<LightMyRequestResponse>;
};

const READERS: readonly Caller[] = ['administrator', 'planning_office', 'leader', 'reviewer'];
const SOME_READERS: readonly Caller[] = [...READERS, 'department_reporter', 'other_reporter'];
const OFFICE: readonly Caller[] = ['planning_office'];
const EVERYONE: readonly Caller[] = [...SOME_READERS, 'public', 'anonymous'];

let counter = 0;

/** The fields of a small project of the reporter's department. */
export function projectFields(name: string, extra: object = {}): object {
  return {
    code: null,
    name,
    level: '区',
    category: '产业',
    nature: '续建',
    place: '湖塘镇',
    coordinates: null,
    serves: [],
    content: '厂房及配套',
    newCapacity: null,
    totalWan: 1000,
    funding: [],
    startYear: 2025,
    endYear: 2027,
    plannedStart: null,
    actualStart: null,
    plannedCompletion: null,
    actualCompletion: null,
    leadUnit: OWN_DEPT,
    responsiblePerson: null,
    linkedLeader: null,
    owner: null,
    ownerContact: null,
    published: true,
    annualPlans: [{ year: 2026, planWan: 600, milestoneText: null }],
    milestones: [],
    ...extra,
  };
}

/** A new project made by the office in `stage`; its id. */
export async function makeProject(h: Harness, stage = '在建'): Promise<string> {
  counter += 1;
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/plans/${h.plan.planId}/projects`,
    headers: as(h.sessions.planning_office),
    payload: { fields: projectFields(`矩阵项目${counter}`), stage },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ id: string }>().id;
}

/** An office's project sheet (the export layout) of the given rows, all of the reporter's department. */
export function projectSheet(
  rows: {
    name: string;
    code: string | null;
    totalWan: number | null;
    annualPlanWan: number | null;
    place?: string;
  }[],
): Buffer {
  const bytes = writeProjectSheet(
    rows.map((r, i) => ({
      seq: String(i + 1),
      code: r.code,
      name: r.name,
      category: '产业',
      nature: '续建',
      content: '建设内容',
      totalWan: r.totalWan,
      annualPlanWan: r.annualPlanWan,
      years: { startYear: 2025, endYear: 2027 },
      leadUnit: OWN_DEPT,
      place: r.place ?? '湖塘镇',
      owner: null,
    })),
    { title: '2026年重大项目' },
  );
  return Buffer.from(bytes);
}

/** The project routes' rows. */
export function projectCases(): ProjectCase[] {
  const sheet = (): Buffer =>
    projectSheet([{ name: '矩阵导入项目', code: null, totalWan: 800, annualPlanWan: 300 }]);
  const send = (
    h: Harness,
    session: Session | undefined,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) => h.app.inject({ method, url, headers: as(session), ...(payload === undefined ? {} : { payload }) });
  return [
    {
      route: 'GET /api/plans/:planId/projects',
      allowed: SOME_READERS,
      ok: 200,
      run: ({ h, session }) => send(h, session, 'GET', `/api/plans/${h.plan.planId}/projects`),
    },
    {
      route: 'POST /api/plans/:planId/projects',
      allowed: OFFICE,
      ok: 201,
      run: ({ h, session, period }) =>
        send(h, session, 'POST', `/api/plans/${h.plan.planId}/projects`, {
          fields: projectFields(`新增项目${period}`),
          stage: '储备',
        }),
    },
    {
      route: 'GET /api/plans/:planId/projects/dashboard',
      allowed: SOME_READERS,
      ok: 200,
      run: ({ h, session }) =>
        send(h, session, 'GET', `/api/plans/${h.plan.planId}/projects/dashboard?year=2026&asOf=2026-06-30`),
    },
    {
      route: 'POST /api/plans/:planId/projects/import',
      allowed: OFFICE,
      ok: 200,
      run: ({ h, session }) => {
        const { payload, headers } = multipartFile('projects.xlsx', sheet());
        return h.app.inject({
          method: 'POST',
          url: `/api/plans/${h.plan.planId}/projects/import?mode=preview&year=2026`,
          payload,
          headers: { ...as(session), ...headers },
        });
      },
    },
    {
      route: 'GET /api/plans/:planId/projects/export.xlsx',
      allowed: READERS,
      ok: 200,
      run: ({ h, session }) =>
        send(h, session, 'GET', `/api/plans/${h.plan.planId}/projects/export.xlsx?year=2026`),
    },
    {
      route: 'GET /api/public/plans/:planId/projects',
      allowed: EVERYONE,
      ok: 200,
      run: ({ h, session }) => send(h, session, 'GET', `/api/public/plans/${h.plan.planId}/projects`),
    },
    {
      route: 'GET /api/projects/:id',
      allowed: [...READERS, 'department_reporter'],
      ok: 200,
      run: async ({ h, session }) => send(h, session, 'GET', `/api/projects/${await makeProject(h)}`),
    },
    {
      route: 'PUT /api/projects/:id',
      allowed: OFFICE,
      ok: 200,
      run: async ({ h, session, period }) =>
        send(h, session, 'PUT', `/api/projects/${await makeProject(h)}`, {
          fields: projectFields(`改名${period}`),
          expectedRevision: 1,
        }),
    },
    {
      route: 'POST /api/projects/:id/transitions',
      allowed: OFFICE,
      ok: 200,
      run: async ({ h, session }) =>
        send(h, session, 'POST', `/api/projects/${await makeProject(h, '储备')}/transitions`, {
          to: '前期',
          note: null,
        }),
    },
    {
      route: 'POST /api/projects/:id/issues',
      allowed: ['planning_office', 'department_reporter'],
      ok: 200,
      run: async ({ h, session }) =>
        send(h, session, 'POST', `/api/projects/${await makeProject(h)}/issues`, {
          text: '用地指标未落实',
          department: '区自然资源局',
          deadline: '2026-09-30',
        }),
    },
    {
      route: 'POST /api/projects/:id/issues/:issueId/resolve',
      allowed: OFFICE,
      ok: 200,
      run: async ({ h, session }) => {
        const id = await makeProject(h);
        const raised = await send(h, h.sessions.department_reporter, 'POST', `/api/projects/${id}/issues`, {
          text: '资金缺口',
          department: null,
          deadline: null,
        });
        const issueId = raised.json<{ issues: { id: string }[] }>().issues[0]?.id ?? '';
        return send(h, session, 'POST', `/api/projects/${id}/issues/${issueId}/resolve`, {
          resolution: '已协调',
        });
      },
    },
    {
      route: 'POST /api/projects/:id/evaluation',
      allowed: OFFICE,
      ok: 200,
      run: async ({ h, session }) =>
        send(h, session, 'POST', `/api/projects/${await makeProject(h, '竣工')}/evaluation`, {
          scopeMet: true,
          investmentMet: true,
          timeMet: false,
          benefitsMet: true,
          lessons: '前期要早',
        }),
    },
    {
      route: 'POST /api/projects/:id/reports',
      allowed: ['planning_office', 'department_reporter'],
      ok: 200,
      run: async ({ h, session }) =>
        send(h, session, 'POST', `/api/projects/${await makeProject(h)}/reports`, {
          year: 2026,
          month: 3,
          action: 'submit',
          monthWan: 20,
          ytdWan: 60,
          progressText: '主体施工',
          reason: null,
          evidenceIds: [],
        }),
    },
    {
      route: 'POST /api/projects/:id/reports/review',
      allowed: ['planning_office', 'reviewer'],
      ok: 200,
      run: async ({ h, session }) => {
        const id = await makeProject(h);
        const submitted = await send(
          h,
          h.sessions.department_reporter,
          'POST',
          `/api/projects/${id}/reports`,
          {
            year: 2026,
            month: 3,
            action: 'submit',
            monthWan: 20,
            ytdWan: 60,
            progressText: '主体施工',
            reason: null,
            evidenceIds: [],
          },
        );
        if (submitted.statusCode !== 200) throw new Error(submitted.body);
        return send(h, session, 'POST', `/api/projects/${id}/reports/review`, {
          year: 2026,
          month: 3,
          action: 'approve',
          reason: null,
        });
      },
    },
    {
      route: 'POST /api/project-reports/:key/evidence',
      allowed: ['planning_office', 'department_reporter'],
      ok: 201,
      run: async ({ h, session }) => {
        const key = encodeURIComponent(`${await makeProject(h)}|2026-03`);
        const { payload, headers } = multipartFile('现场照片.png', SITE_PHOTO);
        return h.app.inject({
          method: 'POST',
          url: `/api/project-reports/${key}/evidence`,
          payload,
          headers: { ...as(session), ...headers },
        });
      },
    },
    {
      route: 'GET /api/project-reports/:key/evidence',
      allowed: [...READERS, 'department_reporter'],
      ok: 200,
      run: async ({ h, session }) =>
        send(
          h,
          session,
          'GET',
          `/api/project-reports/${encodeURIComponent(`${await makeProject(h)}|2026-03`)}/evidence`,
        ),
    },
  ];
}

/** A synthetic site photo: PNG magic bytes are all the upload checks need. */
const SITE_PHOTO = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 7),
]);
