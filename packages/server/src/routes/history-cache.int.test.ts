import { observationRepository } from '@plantrack/db';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { as, makeHarness } from '../testing/harness.js';

type Rev = { key: string; revisionNo: number; status: string };

forEachDialect((dialect, open) => {
  it('serves a history from the cache until a write moves the change stamp, and checks the policy first', async () => {
    // The database stamp is looked up at most once a minute here, so only writes through the
    // server move the stamp within the test: a write behind the server's back shows what is cached.
    const h = await makeHarness(await open(), dialect, { changeStampMs: 60_000 });
    const { app, sessions: s } = h;
    const ref = { indicatorId: h.ownIndicatorId, period: '2026' };
    const history = (session = s.reviewer) =>
      app.inject({
        method: 'GET',
        url: `/api/observations/${encodeURIComponent(`${ref.indicatorId}|2026|`)}/history`,
        headers: as(session),
      });
    try {
      const submitted = await app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(s.department_reporter),
        payload: { ...ref, action: 'submit', expectedRevision: 0, values: { value: 40 } },
      });
      expect(submitted.statusCode).toBe(201);
      expect((await history()).json<Rev[]>().map((r) => r.status)).toEqual(['submitted']);

      // Another process approves: the cached history is served until the stamp moves …
      await observationRepository.approve(h.app.plantrack.db, {
        ref,
        actor: 'elsewhere',
        expectedRevision: 1,
      });
      expect((await history()).json<Rev[]>()).toHaveLength(1);
      // … and the reporter of another department is still refused, cache or not.
      expect((await history(s.other_reporter)).statusCode).toBe(403);

      // Any write through the server moves the stamp: the next read is fresh.
      const draft = await app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(s.department_reporter),
        payload: { ...ref, period: '2027', action: 'save_draft', expectedRevision: 0, values: { value: 41 } },
      });
      expect(draft.statusCode).toBe(201);
      expect((await history()).json<Rev[]>().map((r) => r.status)).toEqual(['submitted', 'approved']);
    } finally {
      await app.close();
    }
  });
});
