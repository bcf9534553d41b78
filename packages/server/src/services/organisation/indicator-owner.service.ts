import {
  type IndicatorOwner,
  type OwnerAssignment,
  type OwnerRole,
  findDepartment,
  listIndicatorOwnerSets,
  listIndicators,
  planRegionCode,
  setIndicatorOwners,
  indicatorIdentity,
  isDepartmentInRegion,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { canAssignOwners, canReadAdministration } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';
import { ensureOwnersSeeded } from './ownership.service.js';
import { refuseInactiveDepartment } from './department-active.js';

/** The owners of one indicator; `version` is what the next update names (0: never assigned). */
export type IndicatorOwnersDto = {
  indicatorId: string;
  indicatorKey: string;
  name: string;
  seq: string | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  owners: IndicatorOwner[];
};

/** The owners of every indicator of a plan's newest version, in table order. */
export async function planIndicatorOwners(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<IndicatorOwnersDto[]> {
  enforce(p, canReadAdministration(p));
  await planRegionCode(ctx.db, planId); // 404 for an unknown plan
  const sets = new Map((await listIndicatorOwnerSets(ctx.db, planId)).map((s) => [s.indicatorKey, s]));
  return (await listIndicators(ctx.db, planId)).map((i) => {
    const set = sets.get(i.indicatorKey);
    return {
      indicatorId: i.indicatorId,
      indicatorKey: i.indicatorKey,
      name: i.name,
      seq: i.seq,
      version: set?.version ?? 0,
      updatedAt: set?.updatedAt ?? null,
      updatedBy: set?.updatedBy ?? null,
      owners: set?.owners ?? [],
    };
  });
}

/** `"3"`, `W/"3"` or `3` → 3; anything else is a bad request. */
export function versionFromIfMatch(header: string): number {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (match?.[1] === undefined) {
    throw new ApiError(400, 'bad-if-match', {
      zh: `If-Match 应为责任单位的版本号，例如 "3"，而不是 ${header}`,
      en: `If-Match must be the owners' version, e.g. "3", not ${header}`,
    });
  }
  return Number(match[1]);
}

/**
 * Replaces the owners of an indicator. Departments are named by id, canonical name or alias
 * (`区发改局`) within the plan's region; the first unknown one is a 400 naming it. The caller
 * names the version it saw (`If-Match` or `expectedVersion`); a stale one is a 409.
 */
export async function replaceIndicatorOwners(
  ctx: AppContext,
  p: Principal,
  indicatorId: string,
  input: {
    owners: { department: string; role: OwnerRole }[];
    expectedVersion: number | undefined;
    ifMatch: string | undefined;
  },
): Promise<IndicatorOwnersDto> {
  enforce(p, canAssignOwners(p));
  const expectedVersion =
    input.ifMatch !== undefined ? versionFromIfMatch(input.ifMatch) : input.expectedVersion;
  if (expectedVersion === undefined) {
    throw new ApiError(428, 'version-required', {
      zh: '请在 If-Match 请求头或 expectedVersion 中给出所见的版本号，以免覆盖他人的修改。',
      en: "Name the version you saw (If-Match header or expectedVersion) so nobody's change is overwritten.",
    });
  }
  const { planId, indicatorKey } = await indicatorIdentity(ctx.db, indicatorId);
  await ensureOwnersSeeded(ctx, planId);
  const region = await planRegionCode(ctx.db, planId);
  const owners: OwnerAssignment[] = [];
  for (const { department, role } of input.owners) {
    owners.push({ departmentId: await resolveDepartment(ctx, region, department), role });
  }
  const set = await setIndicatorOwners(ctx.db, {
    planId,
    indicatorKey,
    owners,
    expectedVersion,
    actor: actorOf(p),
  });
  const [dto] = (await planIndicatorOwners(ctx, p, planId)).filter((i) => i.indicatorId === indicatorId);
  // An indicator the newest version dropped keeps its owners; show it under its key.
  return (
    dto ?? {
      indicatorId,
      indicatorKey,
      name: indicatorKey,
      seq: null,
      version: set.version,
      updatedAt: set.updatedAt,
      updatedBy: set.updatedBy,
      owners: set.owners,
    }
  );
}

/**
 * A department named by id, canonical name or alias within a region; unknown → 400 naming it,
 * deactivated → 409 (no new owners for a retired department).
 */
export async function resolveDepartment(ctx: AppContext, region: string, ref: string): Promise<string> {
  if (await isDepartmentInRegion(ctx.db, ref, region)) {
    await refuseInactiveDepartment(ctx, ref);
    return ref;
  }
  const byName = await findDepartment(ctx.db, region, ref);
  if (byName !== undefined) {
    await refuseInactiveDepartment(ctx, byName.id);
    return byName.id;
  }
  throw new ApiError(400, 'unknown-department', {
    zh: `未找到单位“${ref}”（地区 ${region}）。请先在单位管理中添加该单位或别名。`,
    en: `Unknown department "${ref}" (region ${region}); add it or the alias under departments first.`,
  });
}
