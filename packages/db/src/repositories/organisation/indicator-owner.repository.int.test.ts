import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError, InvalidInputError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { samplePlan } from '../../testing/sample-plan.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import { findDepartment } from './department.repository.js';
import {
  indicatorKeysOwnedBy,
  listIndicatorOwnerSets,
  ownerIdsByIndicatorKey,
  plansWithoutOwners,
  seedIndicatorOwners,
  setIndicatorOwners,
} from './indicator-owner.repository.js';
import { listIndicators } from '../plan/plan-query.repository.js';
import { importPlanVersion } from '../plan/plan.repository.js';

const REGION = '320412';

forEachDialect((_name, open) => {
  describe('indicator owners', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let keys: string[];
    let finance: string;
    let ndrc: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      keys = (await listIndicators(handle.db, seeded.planId)).map((i) => i.indicatorKey);
      finance = (await findDepartment(handle.db, REGION, '区财政局'))?.id ?? '';
      // An alias the outline writes resolves to its canonical department.
      ndrc = (await findDepartment(handle.db, REGION, '区发改局'))?.id ?? '';
      expect(finance).not.toBe('');
      expect(ndrc).not.toBe('');
    });

    const key = (i: number): string => keys[i] ?? '';

    it('finds departments by canonical name or alias without creating any', async () => {
      expect(await findDepartment(handle.db, REGION, '区发展和改革局')).toEqual({
        id: ndrc,
        canonicalName: '区发展和改革局',
      });
      expect(await findDepartment(handle.db, REGION, '区不存在局')).toBeUndefined();
      expect(await findDepartment(handle.db, '999999', '区发改局')).toBeUndefined();
    });

    it('seeds a plan once from an assignment by name (first name leads), audited', async () => {
      expect(await plansWithoutOwners(handle.db)).toEqual([seeded.planId]);
      const owners = { [key(0)]: ['区财政局', '区发改局'], 'no-such-indicator': ['区财政局'] };
      expect(await seedIndicatorOwners(handle.db, { planId: seeded.planId, owners, actor: 'config' })).toBe(
        1,
      );
      expect(await seedIndicatorOwners(handle.db, { planId: seeded.planId, owners, actor: 'config' })).toBe(
        0,
      );
      const [set] = await listIndicatorOwnerSets(handle.db, seeded.planId, key(0));
      expect(set?.version).toBe(1);
      expect(set?.owners.map((o) => [o.departmentId, o.role, o.assignedBy])).toEqual([
        [finance, 'lead', 'config'],
        [ndrc, 'co', 'config'],
      ]);
      expect(await plansWithoutOwners(handle.db)).toEqual([]);
      const audit = await queryAudit(handle.db, { action: 'indicator_owners.seeded' });
      expect(audit).toHaveLength(1);
    });

    it('replaces owners at the expected version, keeps unchanged assignments, audits before and after', async () => {
      const [before] = await listIndicatorOwnerSets(handle.db, seeded.planId, key(0));
      const set = await setIndicatorOwners(handle.db, {
        planId: seeded.planId,
        indicatorKey: key(0),
        owners: [
          { departmentId: finance, role: 'lead' },
          { departmentId: ndrc, role: 'lead' },
        ],
        expectedVersion: 1,
        actor: 'office',
      });
      expect(set.version).toBe(2);
      const kept = set.owners.find((o) => o.departmentId === finance);
      expect(kept?.assignedAt).toBe(before?.owners.find((o) => o.departmentId === finance)?.assignedAt);
      expect(kept?.assignedBy).toBe('config');
      expect(set.owners.find((o) => o.departmentId === ndrc)).toMatchObject({
        role: 'lead',
        assignedBy: 'office',
      });
      const [audit] = await queryAudit(handle.db, { action: 'indicator_owners.set' });
      expect(audit?.detail).toMatchObject({
        indicatorKey: key(0),
        version: 2,
        before: [
          { departmentId: finance, role: 'lead' },
          { departmentId: ndrc, role: 'co' },
        ],
      });
      expect((await ownerIdsByIndicatorKey(handle.db, seeded.planId)).get(key(0))?.sort()).toEqual(
        [finance, ndrc].sort(),
      );
      expect(await indicatorKeysOwnedBy(handle.db, [ndrc])).toEqual(new Set([key(0)]));
    });

    it('refuses a stale version with the current one', async () => {
      const stale = setIndicatorOwners(handle.db, {
        planId: seeded.planId,
        indicatorKey: key(0),
        owners: [],
        expectedVersion: 1,
        actor: 'office',
      });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ code: 'stale-revision', currentRevision: 2 });
    });

    it('lets exactly one of two first assignments racing on the same indicator win', async () => {
      const attempt = (departmentId: string) =>
        setIndicatorOwners(handle.db, {
          planId: seeded.planId,
          indicatorKey: key(1),
          owners: [{ departmentId, role: 'lead' }],
          expectedVersion: 0,
          actor: departmentId,
        });
      const results = await Promise.allSettled([attempt(finance), attempt(ndrc)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConflictError);
      const [set] = await listIndicatorOwnerSets(handle.db, seeded.planId, key(1));
      expect(set?.version).toBe(1);
      expect(set?.owners).toHaveLength(1);
    });

    it('rejects unknown departments, duplicates and owner sets without a lead', async () => {
      const base = { planId: seeded.planId, indicatorKey: key(2), expectedVersion: 0, actor: 'office' };
      await expect(
        setIndicatorOwners(handle.db, { ...base, owners: [{ departmentId: 'nope', role: 'lead' }] }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        setIndicatorOwners(handle.db, {
          ...base,
          owners: [
            { departmentId: finance, role: 'lead' },
            { departmentId: finance, role: 'co' },
          ],
        }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        setIndicatorOwners(handle.db, { ...base, owners: [{ departmentId: finance, role: 'co' }] }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      expect(await listIndicatorOwnerSets(handle.db, seeded.planId, key(2))).toEqual([]);
    });

    it('keeps owners when a revised outline is ingested as a new version', async () => {
      const { text, model } = samplePlan();
      const revised = await importPlanVersion(handle.db, { model, text: `${text}\n`, actor: 'office' });
      expect(revised.planId).toBe(seeded.planId);
      expect(revised.versionNo).toBe(2);
      const [set] = await listIndicatorOwnerSets(handle.db, seeded.planId, key(0));
      expect(set?.version).toBe(2);
      expect(set?.owners).toHaveLength(2);
    });
  });
});
