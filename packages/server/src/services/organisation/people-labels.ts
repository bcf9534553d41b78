import { peopleLabels } from '@plantrack/db';
import type { AppContext } from '../../context.js';

/**
 * Histories, queues and the audit log store who acted as a user id; people read names. These
 * helpers add the display name and department name beside each id (null for ids that name no
 * user, such as `system`), in one query per list.
 */

/** Revisions with `createdByName` / `createdByDepartment` (a record kind's history decoration). */
export async function withCreatorNames<R extends { createdBy: string }>(
  ctx: AppContext,
  revisions: R[],
): Promise<(R & { createdByName: string | null; createdByDepartment: string | null })[]> {
  const labels = await peopleLabels(
    ctx.db,
    revisions.map((r) => r.createdBy),
  );
  return revisions.map((r) => ({
    ...r,
    createdByName: labels.get(r.createdBy)?.displayName ?? null,
    createdByDepartment: labels.get(r.createdBy)?.departmentName ?? null,
  }));
}

/** Queue rows with `submittedByName` / `submittedByDepartment` (and its id, the queue's filter). */
export async function withSubmitterNames<Q extends { submittedBy: string }>(
  ctx: AppContext,
  items: Q[],
): Promise<
  (Q & {
    submittedByName: string | null;
    submittedByDepartment: string | null;
    submittedByDepartmentId: string | null;
  })[]
> {
  const labels = await peopleLabels(
    ctx.db,
    items.map((i) => i.submittedBy),
  );
  return items.map((i) => ({
    ...i,
    submittedByName: labels.get(i.submittedBy)?.displayName ?? null,
    submittedByDepartment: labels.get(i.submittedBy)?.departmentName ?? null,
    submittedByDepartmentId: labels.get(i.submittedBy)?.departmentId ?? null,
  }));
}

/** Audit rows with `actorName` / `actorDepartment`. */
export async function withActorNames<E extends { actor: string }>(
  ctx: AppContext,
  entries: E[],
): Promise<(E & { actorName: string | null; actorDepartment: string | null })[]> {
  const labels = await peopleLabels(
    ctx.db,
    entries.map((e) => e.actor),
  );
  return entries.map((e) => ({
    ...e,
    actorName: labels.get(e.actor)?.displayName ?? null,
    actorDepartment: labels.get(e.actor)?.departmentName ?? null,
  }));
}

/** A history decoration that also names each revision's author (after `decorate`). */
export function namingCreators<D extends { createdBy: string }>(
  decorate: (ctx: AppContext, revisions: D[]) => Promise<D[]>,
): (ctx: AppContext, revisions: D[]) => Promise<D[]> {
  return async (ctx, revisions) => withCreatorNames(ctx, await decorate(ctx, revisions));
}
