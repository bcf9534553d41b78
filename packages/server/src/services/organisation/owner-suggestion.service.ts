import { type SuggestionTask, suggestOwners } from '@plantrack/core';
import {
  latestVersionId,
  listDepartments,
  listIndicatorOwnerSets,
  listIndicators,
  listTasks,
  outlineNodeRows,
  planRegionCode,
} from '@plantrack/db';
import type { OwnerSuggestion } from '@plantrack/api';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { canAssignOwners } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';

/**
 * Proposed owners for the indicators of a plan's newest version that have none (office roles
 * only: a proposal is a decision to take, not something to read). The rules are core's
 * `suggestOwners`; this gathers what they read: the tasks with the paragraph of their measure and
 * their lead departments, and the departments of the plan's region. Nothing is written.
 */
export async function planOwnerSuggestions(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<OwnerSuggestion[]> {
  enforce(p, canAssignOwners(p));
  const region = await planRegionCode(ctx.db, planId);
  const sets = new Map((await listIndicatorOwnerSets(ctx.db, planId)).map((s) => [s.indicatorKey, s]));
  const unowned = (await listIndicators(ctx.db, planId)).filter(
    (i) => (sets.get(i.indicatorKey)?.owners.length ?? 0) === 0,
  );
  if (unowned.length === 0) return [];
  const nodes = new Map(
    (await outlineNodeRows(ctx.db, await latestVersionId(ctx.db, planId))).map((n) => [n.node_key, n.text]),
  );
  const tasks: SuggestionTask[] = (await listTasks(ctx.db, planId)).map((t) => ({
    key: t.taskKey,
    measure: t.measure,
    // The measure's own paragraph: a section holds several measures, each led by its own department.
    text: (nodes.get(t.nodeKey) ?? '').split('\n').find((line) => line.includes(t.measure)) ?? t.measure,
    leads: t.owners.filter((o) => o.role === 'lead').map((o) => o.canonicalName),
  }));
  const departments = (await listDepartments(ctx.db, region)).map((d) => ({
    id: d.id,
    name: d.canonicalName,
    aliases: d.aliases,
  }));
  const byKey = new Map(unowned.map((i) => [i.indicatorKey, i]));
  return suggestOwners({
    indicators: unowned.map((i) => ({ key: i.indicatorKey, name: i.name })),
    tasks,
    departments,
  }).flatMap((s) => {
    const indicator = byKey.get(s.indicatorKey);
    if (indicator === undefined) return [];
    return [
      {
        indicatorId: indicator.indicatorId,
        indicatorKey: s.indicatorKey,
        indicatorName: s.indicatorName,
        version: sets.get(s.indicatorKey)?.version ?? 0,
        suggestion: s.suggestion,
        alternatives: s.alternatives,
      },
    ];
  });
}
