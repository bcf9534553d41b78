import { departmentIdsByName, createUser } from '@plantrack/db';
import type { Role } from '@plantrack/db';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { hashPassword } from '../auth/password.js';
import {
  type Harness,
  OWN_DEPT,
  PASSWORD,
  type Session,
  as,
  makeHarness,
  signIn,
} from '../testing/harness.js';

type Rev = { key: string; revisionNo: number; status: string; action: string; selfReviewed: boolean };
type Problem = { code: string; messages: { zh: string; en: string } };
type Settings = { planId: string; officeSelfReview: boolean; revisionNo: number; updatedBy: string | null };

/** Where each record kind is written, and a submission of it on the own department's item. */
const KINDS = {
  observation: {
    path: '/api/observations',
    body: (h: Harness, period: string) => ({ indicatorId: h.ownIndicatorId, period, values: { value: 4.2 } }),
  },
  'progress report': {
    path: '/api/progress-reports',
    body: (h: Harness, period: string) => ({
      taskId: h.ownTaskId,
      period,
      values: { progress: 'in_progress', narrative: '按计划推进。' },
    }),
  },
} as const;
type Kind = keyof typeof KINDS;

/** Users holding several roles, beside the harness's one-role personas. */
const EXTRA_USERS = {
  /** A reporter of the owning department who is also a reviewer. */
  reporterReviewer: { roles: ['department_reporter', 'reviewer'], ownDepartment: true },
  /** The first administrator's shape: administrator and planning office, no department. */
  officeAdmin: { roles: ['administrator', 'planning_office'], ownDepartment: false },
  /** A planning office user who belongs to the owning department itself. */
  officeMember: { roles: ['planning_office'], ownDepartment: true },
} satisfies Record<string, { roles: Role[]; ownDepartment: boolean }>;
type Extra = keyof typeof EXTRA_USERS;

let year = 2040;
const nextPeriod = (): string => String((year += 1));

forEachDialect((dialect, open) => {
  describe('four-eyes review', () => {
    let h: Harness;
    const users = {} as Record<Extra, Session & { id: string }>;

    beforeAll(async () => {
      const handle = await open();
      h = await makeHarness(handle, dialect);
      const own = (await departmentIdsByName(handle.db, [OWN_DEPT])).get(OWN_DEPT);
      const passwordHash = await hashPassword(PASSWORD);
      for (const [name, spec] of Object.entries(EXTRA_USERS) as [Extra, (typeof EXTRA_USERS)[Extra]][]) {
        const email = `${name.toLowerCase()}@test.local`;
        const user = await createUser(handle.db, {
          email,
          displayName: name,
          passwordHash,
          roles: spec.roles,
          departmentId: spec.ownDepartment ? own : null,
          grantedBy: 'test',
        });
        users[name] = { ...(await signIn(h.app, email)), id: user.id };
      }
      return async () => {
        await h.app.close();
      };
    });

    const submit = async (kind: Kind, by: Session, period = nextPeriod()): Promise<Rev> => {
      const res = await h.app.inject({
        method: 'POST',
        url: KINDS[kind].path,
        headers: as(by),
        payload: { ...KINDS[kind].body(h, period), expectedRevision: 0 },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Rev>();
    };
    const decide = (kind: Kind, rev: Rev, action: 'approve' | 'return', by: Session) =>
      h.app.inject({
        method: 'POST',
        url: `${KINDS[kind].path}/${encodeURIComponent(rev.key)}/${action}`,
        headers: as(by),
        payload:
          action === 'approve'
            ? { expectedRevision: rev.revisionNo }
            : { expectedRevision: rev.revisionNo, reason: '请补充说明' },
      });
    const history = async (kind: Kind, rev: Rev): Promise<Rev[]> => {
      const res = await h.app.inject({
        method: 'GET',
        url: `${KINDS[kind].path}/${encodeURIComponent(rev.key)}/history`,
        headers: as(h.sessions.reviewer),
      });
      expect(res.statusCode).toBe(200);
      return res.json<Rev[]>();
    };
    const settingsUrl = () => `/api/plans/${h.plan.planId}/review-settings`;
    const setOfficeSelfReview = async (on: boolean): Promise<Settings> => {
      const current = await h.app.inject({
        method: 'GET',
        url: settingsUrl(),
        headers: as(users.officeAdmin),
      });
      const res = await h.app.inject({
        method: 'PUT',
        url: settingsUrl(),
        headers: as(users.officeAdmin),
        payload: { expectedRevision: current.json<Settings>().revisionNo, officeSelfReview: on },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Settings>();
    };
    const expectFourEyes = (res: LightMyRequestResponse) => {
      expect(res.statusCode).toBe(403);
      const problem = res.json<Problem>();
      expect(problem.code).toBe('four-eyes');
      expect(problem.messages.zh).toContain('本人提交');
      expect(problem.messages.en).toContain('submitted yourself');
    };

    describe.each(Object.keys(KINDS) as Kind[])('%s', (kind) => {
      it('a reporter who is also a reviewer cannot approve or return their own submission; another reviewer can', async () => {
        const own = await submit(kind, users.reporterReviewer);
        expectFourEyes(await decide(kind, own, 'approve', users.reporterReviewer));
        expectFourEyes(await decide(kind, own, 'return', users.reporterReviewer));
        // Nothing was written by the refusals: the submission is still the latest revision.
        expect((await history(kind, own)).map((r) => r.action)).toEqual(['submit']);

        const approved = await decide(kind, own, 'approve', h.sessions.reviewer);
        expect(approved.statusCode, approved.body).toBe(200);
        expect(approved.json<Rev>()).toMatchObject({ status: 'approved', selfReviewed: false });

        const other = await submit(kind, users.reporterReviewer);
        const returned = await decide(kind, other, 'return', h.sessions.planning_office);
        expect(returned.statusCode, returned.body).toBe(200);
        // The same user reviews someone else's submission as usual.
        const bySomeoneElse = await submit(kind, h.sessions.department_reporter);
        expect((await decide(kind, bySomeoneElse, 'approve', users.reporterReviewer)).statusCode).toBe(200);
      });

      it('an office user entering for a department: refused by default, allowed and marked once the plan allows it', async () => {
        await setOfficeSelfReview(false);
        const first = await submit(kind, users.officeAdmin);
        expectFourEyes(await decide(kind, first, 'approve', users.officeAdmin));

        await setOfficeSelfReview(true);
        const approved = await decide(kind, first, 'approve', users.officeAdmin);
        expect(approved.statusCode, approved.body).toBe(200);
        expect(approved.json<Rev>()).toMatchObject({ status: 'approved', selfReviewed: true });
        const revisions = await history(kind, first);
        expect(revisions.map((r) => [r.action, r.selfReviewed])).toEqual([
          ['submit', false],
          ['approve', true],
        ]);
        const second = await submit(kind, users.officeAdmin);
        const returned = await decide(kind, second, 'return', users.officeAdmin);
        expect(returned.json<Rev>()).toMatchObject({ status: 'returned', selfReviewed: true });

        const audit = await h.app.inject({
          method: 'GET',
          url: `/api/audit?entityId=${encodeURIComponent(first.key)}`,
          headers: as(users.officeAdmin),
        });
        const decision = audit
          .json<{ action: string; detail: { selfReviewed?: boolean } }[]>()
          .find((a) => a.action.endsWith('.approve'));
        expect(decision?.detail.selfReviewed).toBe(true);
        await setOfficeSelfReview(false);
      });

      it('the setting never lets a member of the owning department review their own submission', async () => {
        await setOfficeSelfReview(true);
        try {
          const byReporter = await submit(kind, users.reporterReviewer);
          expectFourEyes(await decide(kind, byReporter, 'approve', users.reporterReviewer));
          const byMember = await submit(kind, users.officeMember);
          expectFourEyes(await decide(kind, byMember, 'approve', users.officeMember));
          expectFourEyes(await decide(kind, byMember, 'return', users.officeMember));
          // Someone else's submission is decided as usual, the setting changing nothing.
          const approved = await decide(kind, byReporter, 'approve', users.officeAdmin);
          expect(approved.json<Rev>()).toMatchObject({ status: 'approved', selfReviewed: false });
        } finally {
          await setOfficeSelfReview(false);
        }
      });

      it('a correction is decided by someone other than its author', async () => {
        const first = await submit(kind, h.sessions.department_reporter);
        expect((await decide(kind, first, 'approve', users.reporterReviewer)).statusCode).toBe(200);
        const corrected = await h.app.inject({
          method: 'POST',
          url: `${KINDS[kind].path}/${encodeURIComponent(first.key)}/correct`,
          headers: as(users.reporterReviewer),
          payload: { expectedRevision: 2, values: KINDS[kind].body(h, '2026').values, reason: '口径调整' },
        });
        expect(corrected.statusCode, corrected.body).toBe(200);
        expectFourEyes(await decide(kind, corrected.json<Rev>(), 'approve', users.reporterReviewer));
        expect((await decide(kind, corrected.json<Rev>(), 'approve', h.sessions.reviewer)).statusCode).toBe(
          200,
        );
      });
    });

    it('decisions arriving together share a commit, and only the self-reviews among them are refused', async () => {
      const own = await Promise.all(
        Array.from({ length: 6 }, () => submit('observation', users.reporterReviewer)),
      );
      const others = await Promise.all(
        Array.from({ length: 6 }, () => submit('observation', h.sessions.department_reporter)),
      );
      const results = await Promise.all([
        ...own.map((r) => decide('observation', r, 'approve', users.reporterReviewer)),
        ...others.map((r) => decide('observation', r, 'approve', users.reporterReviewer)),
      ]);
      expect(results.map((r) => r.statusCode)).toEqual([...own.map(() => 403), ...others.map(() => 200)]);
      for (const r of own)
        expect((await history('observation', r)).map((x) => x.status)).toEqual(['submitted']);
    });

    it('the setting: defaults off, audited, changed only by the office or an administrator, stale edits refused', async () => {
      const fresh = await h.app.inject({
        method: 'GET',
        url: settingsUrl(),
        headers: as(h.sessions.planning_office),
      });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json<Settings>()).toMatchObject({ planId: h.plan.planId, officeSelfReview: false });

      for (const who of ['reviewer', 'department_reporter', 'leader'] as const) {
        const refused = await h.app.inject({
          method: 'PUT',
          url: settingsUrl(),
          headers: as(h.sessions[who]),
          payload: { expectedRevision: fresh.json<Settings>().revisionNo, officeSelfReview: true },
        });
        expect(refused.statusCode).toBe(403);
      }
      const set = await h.app.inject({
        method: 'PUT',
        url: settingsUrl(),
        headers: as(h.sessions.planning_office),
        payload: { expectedRevision: fresh.json<Settings>().revisionNo, officeSelfReview: true },
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json<Settings>()).toMatchObject({ officeSelfReview: true });
      const stale = await h.app.inject({
        method: 'PUT',
        url: settingsUrl(),
        headers: as(h.sessions.administrator),
        payload: { expectedRevision: fresh.json<Settings>().revisionNo, officeSelfReview: false },
      });
      expect(stale.statusCode).toBe(409);
      const audit = await h.app.inject({
        method: 'GET',
        url: `/api/audit?action=review_settings.set&planId=${h.plan.planId}`,
        headers: as(h.sessions.administrator),
      });
      const newest = audit.json<{ actor: string; detail: { before: unknown; after: unknown } }[]>()[0];
      expect(newest?.detail).toMatchObject({
        before: { officeSelfReview: false },
        after: { officeSelfReview: true },
      });
      const unknownPlan = await h.app.inject({
        method: 'GET',
        url: '/api/plans/no-such-plan/review-settings',
        headers: as(h.sessions.planning_office),
      });
      expect(unknownPlan.statusCode).toBe(404);
      await setOfficeSelfReview(false);
    });
  });
});
