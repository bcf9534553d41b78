import {
  type DepartmentContact,
  type DepartmentMergeResult,
  appendAudit,
  mergeDepartments,
  renameDepartment,
  setDepartmentActive,
  setDepartmentContact,
  writeTransaction,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { canManageDepartments } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';
import { type RegistryDepartment, departmentById, refuseTakenName } from './department.service.js';

/** What the office may change on a department in one request. */
export type DepartmentChangeInput = {
  canonicalName?: string | undefined;
  active?: boolean | undefined;
  contact?: DepartmentContact | undefined;
};

/**
 * Renames a department (the old name stays an alias), deactivates or reactivates it, or sets its
 * contact person — in one transaction, each change audited with its before and after.
 */
export async function changeDepartment(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: DepartmentChangeInput,
): Promise<RegistryDepartment> {
  enforce(p, canManageDepartments(p));
  const before = await departmentById(ctx.db, id);
  await writeTransaction(ctx.db, async (trx) => {
    const actor = actorOf(p);
    const name = input.canonicalName?.trim();
    if (name !== undefined && name !== before.canonicalName) {
      await refuseTakenName(trx, before.regionCode, name, id);
      await renameDepartment(trx, id, name);
      await appendAudit(trx, {
        actor,
        action: 'department.renamed',
        entity: 'department',
        entityId: id,
        detail: { before: before.canonicalName, after: name },
      });
    }
    if (input.active !== undefined && input.active !== before.active) {
      await setDepartmentActive(trx, id, input.active);
      await appendAudit(trx, {
        actor,
        action: input.active ? 'department.reactivated' : 'department.deactivated',
        entity: 'department',
        entityId: id,
        detail: { name: name ?? before.canonicalName },
      });
    }
    if (input.contact !== undefined) {
      await setDepartmentContact(trx, id, input.contact);
      await appendAudit(trx, {
        actor,
        action: 'department.contact_set',
        entity: 'department',
        entityId: id,
        detail: { before: before.contact, after: input.contact },
      });
    }
  });
  return departmentById(ctx.db, id);
}

/**
 * Merges a duplicate department into the one kept: its names become aliases of the kept one and
 * its owner rows and users move there (see `mergeDepartments`). Audited on both departments, with
 * the names and what moved, so the merged department's id still leads to where it went.
 */
export async function mergeDepartment(
  ctx: AppContext,
  p: Principal,
  fromId: string,
  intoId: string,
): Promise<{ kept: RegistryDepartment; moved: DepartmentMergeResult }> {
  enforce(p, canManageDepartments(p));
  const from = await departmentById(ctx.db, fromId);
  const into = await departmentById(ctx.db, intoId);
  const moved = await writeTransaction(ctx.db, async (trx) => {
    const result = await mergeDepartments(trx, { fromId, intoId, actor: actorOf(p) });
    const detail = {
      merged: { id: from.id, name: from.canonicalName },
      kept: { id: into.id, name: into.canonicalName },
      moved: result,
    };
    await appendAudit(trx, {
      actor: actorOf(p),
      action: 'department.merged',
      entity: 'department',
      entityId: into.id,
      detail,
    });
    await appendAudit(trx, {
      actor: actorOf(p),
      action: 'department.merged_away',
      entity: 'department',
      entityId: from.id,
      detail,
    });
    return result;
  });
  return { kept: await departmentById(ctx.db, intoId), moved };
}
