import { expect, it } from 'vitest';
import { ConflictError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import {
  createProject,
  createProjects,
  emptyProjectFields,
  getProjectDetail,
  listProjects,
  updateProject,
  updateProjects,
} from './index.js';

const fields = (name: string, code: string | null) => ({
  ...emptyProjectFields(name),
  code,
  leadUnit: '区发展和改革局',
  annualPlans: [{ year: 2026, planWan: 800, milestoneText: '开工' }],
  milestones: [{ step: '立项' as const, deadline: '2026-03-31', department: '区发展和改革局', doneOn: null }],
});

forEachDialect((_name, open) => {
  it('creates and edits many projects as createProject and updateProject do one', async () => {
    const handle = await open();
    try {
      const { db } = handle;
      const { planId } = await seedSamplePlan(handle);
      const single = await createProject(db, {
        planId,
        fields: fields('单个新增项目', null),
        stage: '前期',
        by: 'office',
      });
      // 450 projects: more than two multi-row INSERTs of each table.
      const items = Array.from({ length: 450 }, (_, n) => ({
        fields: fields(`批量新增项目${n}`, `2026-320412-48-01-${String(n).padStart(6, '0')}`),
        stage: '在建' as const,
      }));
      const ids = await createProjects(db, { planId, items, by: 'office' });
      expect(ids).toHaveLength(450);
      const one = await getProjectDetail(db, single);
      const batch = await getProjectDetail(db, ids[449] ?? '');
      expect(batch).toMatchObject({
        name: '批量新增项目449',
        code: '2026-320412-48-01-000449',
        stage: '在建',
      });
      // Everything but what differs by design: identity, name, code, stage and times.
      const comparable = (d: typeof one) => ({
        ...d,
        id: undefined,
        name: undefined,
        code: undefined,
        stage: undefined,
        updatedAt: undefined,
        transitions: d.transitions.map((t) => ({ from: t.from, by: t.by })),
      });
      expect(comparable(batch)).toEqual(comparable(one));
      expect(batch.transitions).toMatchObject([{ from: null, to: '在建' }]);
      const audit = await queryAudit(db, { entity: 'project', entityId: ids[7] ?? '' });
      expect(audit).toMatchObject([
        {
          action: 'project.create',
          actor: 'office',
          planId,
          detail: { name: '批量新增项目7', stage: '在建' },
        },
      ]);
      expect(await listProjects(db, planId, {})).toHaveLength(451);

      // Many edits at once leave what one edit leaves: fields, children, revision, audit record.
      const edit = (name: string, code: string | null) => ({
        ...fields(name, code),
        totalWan: 5000,
        annualPlans: [{ year: 2027, planWan: 900, milestoneText: null }],
        milestones: [],
      });
      await updateProject(db, { projectId: single, fields: edit('单个新增项目', null), by: 'office' });
      await updateProjects(db, {
        planId,
        items: ids.map((id, n) => ({
          projectId: id,
          fields: edit(`批量新增项目${n}`, `2026-320412-48-01-${String(n).padStart(6, '0')}`),
        })),
        by: 'office',
      });
      const editedOne = await getProjectDetail(db, single);
      const editedBatch = await getProjectDetail(db, ids[300] ?? '');
      expect(editedBatch).toMatchObject({ revision: 2, totalWan: 5000, milestones: [] });
      expect(comparable(editedBatch)).toEqual(comparable(editedOne));
      expect(await queryAudit(db, { entity: 'project', entityId: ids[300] ?? '' })).toMatchObject(
        expect.arrayContaining([
          expect.objectContaining({ action: 'project.edit', detail: { revision: 2 } }),
        ]),
      );
      // A code held by another project refuses the batch; nothing of it is written.
      await expect(
        updateProjects(db, {
          planId,
          items: [
            { projectId: ids[0] ?? '', fields: edit('改名项目', '2026-320412-48-01-000000') },
            { projectId: single, fields: edit('单个新增项目', '2026-320412-48-01-000001') },
          ],
          by: 'office',
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await getProjectDetail(db, ids[0] ?? '')).name).toBe('批量新增项目0');

      // A repeated or taken 项目代码 refuses the whole batch.
      const taken = { fields: fields('重复代码项目', '2026-320412-48-01-000003'), stage: '在建' as const };
      const fresh = { fields: fields('新代码项目', '2026-320412-48-01-999999'), stage: '在建' as const };
      await expect(
        createProjects(db, { planId, items: [fresh, taken], by: 'office' }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        createProjects(db, { planId, items: [fresh, fresh], by: 'office' }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await listProjects(db, planId, {})).toHaveLength(451);
    } finally {
      await handle.close();
    }
  });
});
