import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { revisedSamplePlan, samplePlan } from '../../testing/sample-plan.js';
import { queryAudit } from '../audit/audit.repository.js';
import { listDepartments } from '../organisation/department.repository.js';
import { listIndicators, listPlanVersions, listPlans, listTasks } from './plan-query.repository.js';
import { importPlanVersion } from './plan.repository.js';

forEachDialect((_name, open) => {
  describe('importPlanVersion', () => {
    let handle: DatabaseHandle;
    let planId: string;
    let firstVersionId: string;

    beforeAll(async () => {
      handle = await open();
      const { text, model } = samplePlan();
      const result = await importPlanVersion(handle.db, {
        model,
        text,
        fileName: 'wujin.txt',
        actor: 'tester',
      });
      planId = result.planId;
      firstVersionId = result.versionId;
    });

    it('stores the sample plan as version 1 with its framework', async () => {
      const { db } = handle;
      const plans = await listPlans(db);
      expect(plans).toEqual([
        expect.objectContaining({
          id: planId,
          slug: '320412-2026-2030',
          latestVersionNo: 1,
          regionCode: '320412',
        }),
      ]);
      const nodes = await db
        .selectFrom('outline_nodes')
        .select(['kind', 'node_key', 'parent_key', 'text', 'title'])
        .where('plan_version_id', '=', firstVersionId)
        .execute();
      expect(nodes.filter((n) => n.kind === 'part')).toHaveLength(8);
      expect(nodes.filter((n) => n.kind === 'chapter')).toHaveLength(31);
      expect(nodes.filter((n) => n.kind === 'section')).toHaveLength(62);
      const section = nodes.find((n) => n.node_key === 'p3.c5.s1');
      expect(section?.parent_key).toBe('p3.c5');
      expect(section?.text).toContain('深化国资国企改革。由区财政局（国资办）牵头');

      const indicators = await listIndicators(db, planId);
      expect(indicators).toHaveLength(27);
      expect(indicators[1]).toMatchObject({
        seq: '2',
        name: '一般公共预算收入',
        unit: '亿元',
        indicatorKey: '一般公共预算收入',
      });
      expect(indicators[1]?.target).toMatchObject({ text: '218', value: 218 });
      expect(indicators.find((i) => i.seq === '12.1')?.indicatorKey).toBe(
        '每千人口拥有医护人员数/执业(助理)医师数',
      );
      expect(indicators.every((i) => i.source.end > i.source.start)).toBe(true);

      const tasks = await listTasks(db, planId);
      expect(tasks).toHaveLength(21);
      expect(tasks.flatMap((t) => t.owners.filter((o) => o.role === 'lead'))).toHaveLength(23);
      expect(tasks[0]).toMatchObject({ measure: '深化国资国企改革', nodeKey: 'p3.c5.s1' });
      expect(tasks[0]?.owners).toEqual([
        expect.objectContaining({
          canonicalName: '区财政局',
          nameAsWritten: '区财政局（国资办）',
          role: 'lead',
        }),
      ]);

      const commitments = await db
        .selectFrom('commitments')
        .select(['ref', 'indicator_id'])
        .where('plan_version_id', '=', firstVersionId)
        .execute();
      expect(commitments).toHaveLength(samplePlan().model.commitments.length);
      expect(commitments.find((c) => c.ref === 'cm-1')?.indicator_id).toBe(indicators[0]?.indicatorId);
    });

    it('resolves department aliases to canonical departments', async () => {
      const departments = await listDepartments(handle.db, '320412');
      const fgj = departments.find((d) => d.canonicalName === '区发展和改革局');
      expect(fgj).toMatchObject({ known: true, aliases: ['区发改局'] });
      const czj = departments.find((d) => d.canonicalName === '区财政局');
      expect(czj?.aliases).toEqual(['区财政局（国资办）']);
      // One department per canonical name, however many clauses name it.
      const names = departments.map((d) => d.canonicalName);
      expect(new Set(names).size).toBe(names.length);
    });

    it('re-importing the same text writes nothing', async () => {
      const { text, model } = samplePlan();
      const again = await importPlanVersion(handle.db, { model, text, actor: 'tester' });
      expect(again).toMatchObject({ planId, versionId: firstVersionId, versionNo: 1, created: false });
      expect(await listPlanVersions(handle.db, planId)).toHaveLength(1);
    });

    it('a revised outline becomes version 2 with the differences and the same indicator identities', async () => {
      const { db } = handle;
      const before = await listIndicators(db, planId);
      const { text, model } = revisedSamplePlan();
      const result = await importPlanVersion(db, { model, text, fileName: 'wujin-rev.txt', actor: 'office' });
      expect(result).toMatchObject({ planId, versionNo: 2, created: true });
      expect(result.diff.added).toEqual([]);
      expect(result.diff.removed).toEqual([expect.objectContaining({ key: '粮食综合生产能力', seq: '23' })]);
      expect(result.diff.changed).toEqual([
        expect.objectContaining({
          key: '一般公共预算收入',
          changes: [{ field: 'target_text', before: '218', after: '230' }],
        }),
      ]);
      expect(result.taskDiff).toEqual({ added: [], removed: [], changed: [] });

      const after = await listIndicators(db, planId);
      expect(after).toHaveLength(26);
      const idByKey = new Map(before.map((i) => [i.indicatorKey, i.indicatorId]));
      for (const indicator of after) expect(indicator.indicatorId).toBe(idByKey.get(indicator.indicatorKey));
      expect(after.find((i) => i.seq === '2')?.target.value).toBe(230);
      // The first version is kept as it was.
      expect(await listIndicators(db, planId, firstVersionId)).toHaveLength(27);

      const versions = await listPlanVersions(db, planId);
      expect(versions.map((v) => v.versionNo)).toEqual([1, 2]);
      expect(versions[1]?.diff?.indicators.removed).toHaveLength(1);
      const tasks = await listTasks(db, planId);
      expect(tasks.map((t) => t.taskId)).toEqual(
        (await listTasks(db, planId, firstVersionId)).map((t) => t.taskId),
      );
    });

    it('records each import in the audit log', async () => {
      const entries = await queryAudit(handle.db, {
        planId,
        action: 'plan.version.imported',
        oldestFirst: true,
      });
      expect(entries.map((e) => e.actor)).toEqual(['tester', 'office']);
      expect(entries[0]?.detail).toMatchObject({
        versionNo: 1,
        counts: { indicators: 27, tasks: 21, leadLinks: 23 },
      });
    });
  });
});
