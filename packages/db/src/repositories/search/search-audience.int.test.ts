import { ingestText } from '@plantrack/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { samplePlan } from '../../testing/sample-plan.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { importPlanVersion } from '../plan/plan.repository.js';
import * as reports from '../records/progress-report.repository.js';
import { PUBLIC_SEARCH_AUDIENCE, type SearchAudience } from './search-audience.js';
import { search } from './search.repository.js';
import { taskOwnerIds } from '../organisation/task-owner.repository.js';

const ownedBy = (...departmentIds: string[]): SearchAudience => ({
  unpublishedFramework: true,
  records: { ownedBy: departmentIds },
});

forEachDialect((_name, open) => {
  describe('search audiences', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    /** Task 0 (深化国资国企改革, 区财政局) and a task none of whose owners owns task 0. */
    let ownTask: string;
    let otherTask: string;
    let ownDept: string;
    let otherDept: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      ownTask = seeded.taskIds[0] ?? '';
      const ownOwners = await taskOwnerIds(handle.db, ownTask);
      ownDept = ownOwners[0] ?? '';
      for (const taskId of seeded.taskIds) {
        const owners = await taskOwnerIds(handle.db, taskId);
        if (owners.length > 0 && owners.every((d) => !ownOwners.includes(d))) {
          otherTask = taskId;
          otherDept = owners[0] ?? '';
          break;
        }
      }
      expect(ownDept).not.toBe('');
      expect(otherDept).not.toBe('');
    });

    const draft = (taskId: string, period: string, narrative: string) =>
      reports.saveDraft(handle.db, {
        ref: { taskId, period },
        actor: 'dept',
        expectedRevision: 0,
        values: { progress: 'in_progress', narrative },
      });

    it('shows reports to their owners only, and the public no outline text and no report', async () => {
      await draft(ownTask, '2026', '玛瑙甲局草稿说明');
      await draft(otherTask, '2026', '玛瑙乙局草稿说明');
      const ids = async (q: string, audience: SearchAudience) =>
        (await search(handle.db, q, { audience, kinds: ['report'] })).map((h) => h.id);
      // Two characters go through the scan, longer phrases through the trigram index (SQLite).
      for (const q of ['玛瑙', '玛瑙甲局草稿']) {
        expect(await ids(q, ownedBy(ownDept))).toEqual([`${ownTask}|2026`]);
        expect(await ids(q === '玛瑙' ? q : '玛瑙乙局草稿', ownedBy(otherDept))).toEqual([
          `${otherTask}|2026`,
        ]);
        expect(await ids(q, PUBLIC_SEARCH_AUDIENCE)).toEqual([]);
      }
      expect(await ids('玛瑙乙局草稿', ownedBy(ownDept))).toEqual([]);
      expect(await ids('玛瑙', ownedBy(ownDept, otherDept))).toHaveLength(2);
      expect(await ids('玛瑙', ownedBy())).toEqual([]);
      expect(await ids('玛瑙', { unpublishedFramework: false, records: 'all' })).toHaveLength(2);
      const publicHits = await search(handle.db, '人才', { audience: PUBLIC_SEARCH_AUDIENCE, limit: 100 });
      expect(publicHits).toEqual([]); // nothing of the sample plan is published
    });

    it('filters before the candidate cap: one visible report behind 205 hidden ones is found', async () => {
      for (let i = 0; i < 205; i += 1) {
        const period = `${2030 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        await draft(otherTask, period, `翡翠隐藏进展${i}`);
      }
      await draft(ownTask, '2027', '翡翠可见进展');
      for (const q of ['翡翠', '翡翠隐藏进展 翡翠']) {
        const hidden = await search(handle.db, q, { audience: ownedBy(ownDept), limit: 5 });
        expect(hidden.every((h) => h.id.startsWith(ownTask))).toBe(true);
      }
      for (const q of ['翡翠', '翡翠可见进展']) {
        const hits = await search(handle.db, q, { audience: ownedBy(ownDept), limit: 5 });
        expect(hits.map((h) => h.id)).toEqual([`${ownTask}|2027`]);
      }
    });

    it('follows the owners of the newest plan version, as the record policy does', async () => {
      const { text } = samplePlan();
      const from = '深化国资国企改革。由区财政局（国资办）牵头';
      expect(text.includes(from)).toBe(true);
      const revised = text.replace(from, '深化国资国企改革。由区科技局牵头');
      await importPlanVersion(handle.db, {
        model: ingestText(revised, { fileName: 'owners-changed.txt' }),
        text: revised,
        actor: 'office',
      });
      const owners = await taskOwnerIds(handle.db, ownTask);
      expect(owners).not.toContain(ownDept);
      expect(owners.length).toBeGreaterThan(0);
      const find = (audience: SearchAudience) =>
        search(handle.db, '玛瑙甲局草稿', { audience, kinds: ['report'] });
      expect(await find(ownedBy(ownDept))).toEqual([]);
      expect(await find(ownedBy(...owners))).toHaveLength(1);
    });
  });
});
