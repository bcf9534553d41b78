import { departmentIdsByName } from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import {
  type Harness,
  OTHER_DEPT,
  PASSWORD,
  PERSONAS,
  type Persona,
  type Session,
  as,
  makeHarness,
  signIn,
} from '../testing/harness.js';

type Caller = Persona | 'anonymous';
type Hit = { kind: string; id: string; snippet: string };
const CALLERS: readonly Caller[] = [...PERSONAS, 'anonymous'];
const STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
type Status = (typeof STATUSES)[number];
/** Whose task a report is on: the department reporter's (甲) or the other reporter's (乙). */
type Owner = 'own' | 'other';

const STATUS_WORD: Record<Status, string> = {
  draft: '草稿',
  submitted: '待审',
  returned: '退回',
  approved: '通过',
};
const OWNER_WORD: Record<Owner, string> = { own: '甲', other: '乙' };
/** Two-character words found in no outline: searched by the scan, not the trigram index. */
const SHORT_WORD: Record<Owner, string> = { own: '饕餮', other: '貔貅' };
const phraseOf = (owner: Owner, status: Status): string => `琥珀${OWNER_WORD[owner]}${STATUS_WORD[status]}`;
const PERIOD: Record<Status, string> = {
  draft: '2026',
  submitted: '2027',
  returned: '2028',
  approved: '2029',
};

/**
 * Who may read every revision of a report (GET …/history): staff who oversee all items and the
 * owning department's reporters. The public and other departments' reporters may not.
 */
const READERS: Record<Owner, readonly Caller[]> = {
  own: ['administrator', 'planning_office', 'department_reporter', 'reviewer', 'leader'],
  other: ['administrator', 'planning_office', 'other_reporter', 'reviewer', 'leader'],
};

const sessionOf = (h: Harness, caller: Caller): Session | undefined =>
  caller === 'anonymous' ? undefined : h.sessions[caller];

async function searchAs(h: Harness, session: Session | undefined, q: string, limit = 20): Promise<Hit[]> {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/search?q=${encodeURIComponent(q)}&limit=${limit}`,
    headers: as(session),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Hit[]>();
}

/** Writes a progress report of the owner's task and takes it to the status, through the API. */
async function reportIn(h: Harness, owner: Owner, status: Status): Promise<string> {
  const writer = owner === 'own' ? h.sessions.department_reporter : h.sessions.other_reporter;
  const taskId = owner === 'own' ? h.ownTaskId : h.otherTaskId;
  const narrative = `${phraseOf(owner, status)}：${SHORT_WORD[owner]}专项推进情况。`;
  const written = await h.app.inject({
    method: 'POST',
    url: '/api/progress-reports',
    headers: as(writer),
    payload: {
      taskId,
      period: PERIOD[status],
      action: status === 'draft' ? 'save_draft' : 'submit',
      expectedRevision: 0,
      values: { progress: 'in_progress', narrative },
    },
  });
  expect(written.statusCode, written.body).toBe(201);
  const key = written.json<{ key: string }>().key;
  if (status === 'returned' || status === 'approved') {
    const reviewed = await h.app.inject({
      method: 'POST',
      url: `/api/progress-reports/${encodeURIComponent(key)}/${status === 'returned' ? 'return' : 'approve'}`,
      headers: as(h.sessions.reviewer),
      payload: { expectedRevision: 1, ...(status === 'returned' ? { reason: '请补充数据。' } : {}) },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
  }
  return key;
}

forEachDialect((dialect, open) => {
  describe('search applies the record read policy', () => {
    let h: Harness;
    const keys = new Map<string, string>();
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      for (const owner of ['own', 'other'] as const) {
        for (const status of STATUSES) keys.set(`${owner}:${status}`, await reportIn(h, owner, status));
      }
      return async () => {
        await h.app.close();
      };
    });

    it("does not show department A's draft to department B's reporter, who may not read its history", async () => {
      const key = keys.get('own:draft') ?? '';
      const phrase = phraseOf('own', 'draft');
      const history = await h.app.inject({
        method: 'GET',
        url: `/api/progress-reports/${encodeURIComponent(key)}/history`,
        headers: as(h.sessions.other_reporter),
      });
      expect(history.statusCode).toBe(403);
      expect(await searchAs(h, h.sessions.other_reporter, phrase)).toEqual([]);
      expect(await searchAs(h, h.sessions.other_reporter, SHORT_WORD.own)).toEqual([]);
      for (const reader of ['department_reporter', 'planning_office'] as const) {
        const hits = await searchAs(h, h.sessions[reader], phrase);
        expect(hits.map((hit) => [hit.kind, hit.id])).toEqual([['report', key]]);
        expect(hits[0]?.snippet).toContain(`【${phrase}】`);
      }
    });

    const cases = (['own', 'other'] as const).flatMap((owner) =>
      STATUSES.map((status) => [owner, status] as const),
    );
    it.each(cases)(
      'shows a report on the %s department’s task in status %s exactly to those who may read its history',
      async (owner, status) => {
        const key = keys.get(`${owner}:${status}`) ?? '';
        const found: Record<string, boolean> = {};
        const expected: Record<string, boolean> = {};
        const history: Record<string, boolean> = {};
        for (const caller of CALLERS) {
          const session = sessionOf(h, caller);
          const hits = await searchAs(h, session, phraseOf(owner, status));
          expect(hits.every((hit) => hit.kind === 'report' && hit.id === key)).toBe(true);
          found[caller] = hits.length > 0;
          expected[caller] = READERS[owner].includes(caller);
          const res = await h.app.inject({
            method: 'GET',
            url: `/api/progress-reports/${encodeURIComponent(key)}/history`,
            headers: as(session),
          });
          history[caller] = res.statusCode === 200;
        }
        expect(found).toEqual(expected);
        expect(found).toEqual(history);
      },
    );

    it('filters before the limit: a reporter gets a full page of their own reports', async () => {
      // 琥珀 occurs in eight reports, four of each department; short terms go through the scan.
      for (const owner of ['own', 'other'] as const) {
        const session = owner === 'own' ? h.sessions.department_reporter : h.sessions.other_reporter;
        const mine = STATUSES.map((s) => keys.get(`${owner}:${s}`)).sort();
        expect((await searchAs(h, session, '琥珀', 4)).map((hit) => hit.id).sort()).toEqual(mine);
        expect(
          (await searchAs(h, session, `琥珀${OWNER_WORD[owner]}`, 4)).map((hit) => hit.id).sort(),
        ).toEqual(mine);
      }
      expect(await searchAs(h, h.sessions.reviewer, '琥珀', 100)).toHaveLength(8);
    });

    it('lets a user with a reviewer role beside a reporter role of another department read every report', async () => {
      const depts = await departmentIdsByName(h.app.plantrack.db, [OTHER_DEPT]);
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(h.sessions.administrator),
        payload: {
          email: 'reporter-reviewer@test.local',
          displayName: '填报兼审核',
          roles: ['department_reporter', 'reviewer'],
          departmentId: depts.get(OTHER_DEPT),
          password: PASSWORD,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const both = await signIn(h.app, 'reporter-reviewer@test.local');
      expect((await searchAs(h, both, phraseOf('own', 'draft'))).map((hit) => hit.id)).toEqual([
        keys.get('own:draft'),
      ]);
    });

    it('never finds the text of an observation: observations are not indexed for anyone', async () => {
      const saved = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          action: 'save_draft',
          expectedRevision: 0,
          values: { value: 1, source: '琥珀监测来源', comment: '琥珀监测说明' },
        },
      });
      expect(saved.statusCode, saved.body).toBe(201);
      for (const caller of CALLERS) {
        expect(await searchAs(h, sessionOf(h, caller), '琥珀监测')).toEqual([]);
      }
    });

    it('shows the public published indicators and tasks only, and staff the whole outline', async () => {
      const published = await h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.otherIndicatorId}/publish`,
        headers: as(h.sessions.planning_office),
        payload: { published: true },
      });
      expect(published.statusCode, published.body).toBe(200);
      const names = async (id: string) =>
        (
          await h.app.inject({
            method: 'GET',
            url: `/api/indicators/${id}`,
            headers: as(h.sessions.planning_office),
          })
        ).json<{ indicator: { name: string } }>().indicator.name;
      const publishedName = await names(h.otherIndicatorId);
      const hiddenName = await names(h.ownIndicatorId);
      for (const caller of ['public', 'anonymous'] as const) {
        const session = sessionOf(h, caller);
        const hits = await searchAs(h, session, publishedName, 100);
        expect(hits.map((hit) => [hit.kind, hit.id])).toContainEqual(['indicator', h.otherIndicatorId]);
        expect(hits.every((hit) => hit.kind === 'indicator' || hit.kind === 'task')).toBe(true);
        const hidden = await searchAs(h, session, hiddenName, 100);
        expect(hidden.map((hit) => hit.id)).not.toContain(h.ownIndicatorId);
        // Outline text and reports are for staff only, whatever they say.
        const common = await searchAs(h, session, '人才', 100);
        expect(common.filter((hit) => hit.kind === 'node' || hit.kind === 'report')).toEqual([]);
      }
      for (const caller of ['department_reporter', 'leader'] as const) {
        const hits = await searchAs(h, h.sessions[caller], hiddenName, 100);
        expect(hits.map((hit) => hit.id)).toContain(h.ownIndicatorId);
        expect((await searchAs(h, h.sessions[caller], '人才', 100)).some((hit) => hit.kind === 'node')).toBe(
          true,
        );
      }
    });
  });

  describe('cached search results', () => {
    it('are never served to a reporter of another department', async () => {
      // Only writes through this server move the stamp here, so both searches meet the same stamp.
      const h = await makeHarness(await open(), dialect, { changeStampMs: 60_000 });
      try {
        const ownKey = await reportIn(h, 'own', 'draft');
        const otherKey = await reportIn(h, 'other', 'draft');
        const own = phraseOf('own', 'draft');
        const other = phraseOf('other', 'draft');
        const ids = async (session: Session, q: string) =>
          (await searchAs(h, session, q)).map((hit) => hit.id);
        // The owner searches first and fills the cache; the other department asks the same question.
        expect(await ids(h.sessions.department_reporter, own)).toEqual([ownKey]);
        expect(await ids(h.sessions.other_reporter, own)).toEqual([]);
        expect(await ids(h.sessions.department_reporter, own)).toEqual([ownKey]);
        // The other way round: an empty answer cached for one department is not the owner's answer.
        expect(await ids(h.sessions.department_reporter, other)).toEqual([]);
        expect(await ids(h.sessions.other_reporter, other)).toEqual([otherKey]);
        // The office, reviewers and leaders share one answer with every report in it.
        expect(await ids(h.sessions.leader, '琥珀')).toHaveLength(2);
        expect(await ids(h.sessions.public, '琥珀')).toEqual([]);
      } finally {
        await h.app.close();
      }
    });
  });
});
