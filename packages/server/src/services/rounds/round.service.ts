import {
  type ReportingRound,
  type RoundItem,
  type RoundSelection,
  closeRound,
  listIndicators,
  listTasks,
  openRound,
  peopleLabels,
  planRegionCode,
  roundById,
  roundsOfPlan,
} from '@plantrack/db';
import type { OpenRoundBody, Round, RoundList } from '@plantrack/api';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import { canManageRounds, canReadRounds } from '../../policies/round.policy.js';
import { presentRound } from '../../presenters/round.presenter.js';
import { indicatorOwnersOfPlan } from '../organisation/ownership.service.js';
import { resolveDepartment } from '../organisation/indicator-owner.service.js';

/** Rounds in the contract's shape, with the names of who opened and closed them. */
export async function presentRounds(ctx: AppContext, rounds: readonly ReportingRound[]): Promise<Round[]> {
  const ids = rounds.flatMap((r) => (r.closedBy === null ? [r.openedBy] : [r.openedBy, r.closedBy]));
  const labels = await peopleLabels(ctx.db, ids);
  const names = new Map([...labels].map(([id, l]) => [id, l.displayName]));
  return rounds.map((r) => presentRound(r, names));
}

/** Every round of a plan, newest first (staff; not the public). */
export async function listPlanRounds(ctx: AppContext, p: Principal, planId: string): Promise<RoundList> {
  enforce(p, canReadRounds(p));
  await planRegionCode(ctx.db, planId); // 404 for an unknown plan
  return { items: await presentRounds(ctx, await roundsOfPlan(ctx.db, planId)) };
}

/** The round with this id in this plan, or 404 (a round id of another plan is not found here). */
export async function roundOfPlan(ctx: AppContext, planId: string, roundId: string): Promise<ReportingRound> {
  const round = await roundById(ctx.db, roundId);
  if (round.planId !== planId) {
    throw new ApiError(404, 'not-found', {
      zh: `该规划中没有此填报轮次：${roundId}`,
      en: `No such reporting round in this plan: ${roundId}`,
    });
  }
  return round;
}

/**
 * The items a selection covers in the plan's newest version: all of them, the listed keys (an
 * unknown key is a 400, never silently dropped), or everything the departments (ids, names or
 * aliases) lead or co-lead.
 */
async function itemsOfSelection(
  ctx: AppContext,
  planId: string,
  selection: OpenRoundBody['selection'],
): Promise<{ items: RoundItem[]; stored: RoundSelection }> {
  const indicators = await listIndicators(ctx.db, planId);
  const tasks = await listTasks(ctx.db, planId);
  if (selection.mode === 'all') {
    return {
      items: [
        ...indicators.map((i) => ({ kind: 'indicator' as const, id: i.indicatorId })),
        ...tasks.map((t) => ({ kind: 'task' as const, id: t.taskId })),
      ],
      stored: { mode: 'all' },
    };
  }
  if (selection.mode === 'list') {
    const byIndicatorKey = new Map(indicators.map((i) => [i.indicatorKey, i.indicatorId]));
    const byTaskKey = new Map(tasks.map((t) => [t.taskKey, t.taskId]));
    const unknown = [
      ...selection.indicatorKeys.filter((k) => !byIndicatorKey.has(k)),
      ...selection.taskKeys.filter((k) => !byTaskKey.has(k)),
    ];
    if (unknown.length > 0) {
      throw new ApiError(400, 'unknown-item', {
        zh: `规划中没有这些指标或任务：${unknown.join('、')}`,
        en: `No such indicators or tasks in the plan: ${unknown.join(', ')}`,
      });
    }
    return {
      items: [
        ...selection.indicatorKeys.map((k) => ({
          kind: 'indicator' as const,
          id: byIndicatorKey.get(k) ?? k,
        })),
        ...selection.taskKeys.map((k) => ({ kind: 'task' as const, id: byTaskKey.get(k) ?? k })),
      ],
      stored: { mode: 'list' },
    };
  }
  const region = await planRegionCode(ctx.db, planId);
  const departmentIds = new Set<string>();
  for (const ref of selection.departments) departmentIds.add(await resolveDepartment(ctx, region, ref));
  const owners = await indicatorOwnersOfPlan(ctx, planId);
  return {
    items: [
      ...indicators
        .filter((i) => (owners.get(i.indicatorKey) ?? []).some((d) => departmentIds.has(d)))
        .map((i) => ({ kind: 'indicator' as const, id: i.indicatorId })),
      ...tasks
        .filter((t) => t.owners.some((o) => departmentIds.has(o.departmentId)))
        .map((t) => ({ kind: 'task' as const, id: t.taskId })),
    ],
    stored: { mode: 'departments', departmentIds: [...departmentIds] },
  };
}

/** Opens a round (planning office, administrators); its period is owed at once by the items chosen. */
export async function openPlanRound(
  ctx: AppContext,
  p: Principal,
  planId: string,
  body: OpenRoundBody,
): Promise<Round> {
  enforce(p, canManageRounds(p));
  await planRegionCode(ctx.db, planId);
  const { items, stored } = await itemsOfSelection(ctx, planId, body.selection);
  const round = await openRound(ctx.db, {
    planId,
    name: body.name,
    period: body.period,
    dueDate: body.dueDate,
    reminderDays: body.reminderDays,
    semantics: body.semantics,
    selection: stored,
    items,
    actor: actorOf(p),
  });
  const [shown] = await presentRounds(ctx, [round]);
  return shown as Round;
}

/** Closes a round (planning office, administrators); later figures for its period are late corrections. */
export async function closePlanRound(
  ctx: AppContext,
  p: Principal,
  planId: string,
  roundId: string,
): Promise<Round> {
  enforce(p, canManageRounds(p));
  await roundOfPlan(ctx, planId, roundId);
  const [shown] = await presentRounds(ctx, [await closeRound(ctx.db, { roundId, actor: actorOf(p) })]);
  return shown as Round;
}
