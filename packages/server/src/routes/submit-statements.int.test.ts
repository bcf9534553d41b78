import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import {
  type CountedStatement,
  countStatements,
  dataStatements,
} from '../../../db/src/testing/statement-counter.js';
import { as, makeHarness } from '../testing/harness.js';

// The statements one submission over HTTP sends once the caller's token is known, counted (round
// trips on PostgreSQL), not timed: a statement added to the submit path fails here. Besides the
// write itself (the revision and its audit record) the data-quality check reads its inputs (with
// the evidence rule) and stores its flags, and after the commit the reviewers are told in two
// statements (who submitted on what and who reviews, in one read; one multi-row insert); the token
// check, the owners and the idempotency look-up send nothing more.
forEachDialect((dialect, open) => {
  describe('submit over HTTP', () => {
    it('sends the write, the quality check’s inputs and flags, and nothing else', async () => {
      const handle = await open();
      const counted = countStatements(handle.db);
      const h = await makeHarness({ ...handle, db: counted.db }, dialect);
      try {
        const issued = await h.app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: as(h.sessions.planning_office),
          payload: { name: 'statements' },
        });
        const { token } = issued.json<{ token: string }>();
        const sent: string[][] = [];
        for (const month of ['01', '02', '03']) {
          counted.statements.length = 0;
          const res = await h.app.inject({
            method: 'POST',
            url: '/api/observations',
            headers: { authorization: `Bearer ${token}`, 'idempotency-key': `statements-${month}` },
            payload: {
              indicatorId: h.ownIndicatorId,
              period: `2030-${month}`,
              scope: '',
              action: 'submit',
              expectedRevision: 0,
              values: { value: 1, source: 'test' },
            },
          });
          expect(res.statusCode, res.body).toBe(201);
          sent.push(dataStatements(counted.statements).map(describeStatement));
        }
        // The first request also checks the new token; the later ones find it in the cache.
        const quality =
          dialect === 'sqlite'
            ? // One connection: read inside the write, in two plain statements (the indicator; the
              // values in force, numbered over the approved revisions in a subquery).
              ['insert observations', 'select indicator_versions', 'select (joined)']
            : // Read before the write, in one joined statement.
              ['select (joined)', 'insert observations'];
        const notice = ['select (joined)', 'insert notifications'];
        const expected = [...quality, 'insert audit_log', 'insert observation_quality_flags', ...notice];
        expect(sent.slice(1)).toEqual([expected, expected]);
      } finally {
        await h.app.close();
      }
    });
  });
});

function describeStatement(s: CountedStatement): string {
  const kind = s.kind === 'InsertQueryNode' ? 'insert' : s.kind === 'SelectQueryNode' ? 'select' : s.kind;
  return `${kind} ${s.table ?? '(joined)'}`;
}
