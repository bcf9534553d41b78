import { peopleLabels } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import type { AuditEntryDto } from './audit.service.js';
import { seriesOfPlan } from '../assessment/reference-series.service.js';
import { departments } from '../organisation/department.service.js';
import * as plans from '../plan/plan.service.js';

/** The name of an audit row's record or plan; null when the id names nothing known. */
export type AuditRecordNamer = (id: string) => string | null;

const PAGE_SIZE = 200;

/** Every page of a paged list, in order. */
async function allPages<T>(load: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await load(page);
    out.push(...items);
    if (items.length === 0 || out.length >= total) return out;
  }
}

/**
 * Names the records audit rows refer to by stored id, as the audit screen does: indicators
 * (`3. 地区生产总值增速`), tasks by their measure, reference series, departments, plans and their
 * versions, and people; observation keys (`indicatorId|period|scope`) and progress-report keys
 * (`taskId|period`) by their indicator or task with the period. The export is read by people who
 * never see ids, so the file must say what the screen says.
 */
export async function auditRecordNamer(
  ctx: AppContext,
  p: Principal,
  rows: readonly AuditEntryDto[],
): Promise<AuditRecordNamer> {
  const byId = new Map<string, string>();
  const planList = await plans.plans(ctx, p);
  for (const plan of planList) {
    byId.set(plan.id, plan.title);
    if (plan.latestVersionId !== null) byId.set(plan.latestVersionId, plan.title);
  }
  // Every plan's records, not only those of rows with a plan id: some rows (owners) carry none.
  for (const { id: planId } of planList) {
    const indicators = await allPages((page) =>
      plans.indicators(ctx, p, planId, { page, pageSize: PAGE_SIZE }),
    );
    for (const i of indicators) byId.set(i.id, `${i.seq}. ${i.name}`);
    const tasks = await allPages((page) => plans.tasks(ctx, p, planId, { page, pageSize: PAGE_SIZE }));
    for (const t of tasks) byId.set(t.id, t.measure);
    for (const s of await seriesOfPlan(ctx, p, planId)) byId.set(s.id, s.name);
  }
  for (const d of await departments(ctx, p, {})) byId.set(d.id, d.canonicalName);
  const people = await peopleLabels(
    ctx.db,
    rows.map((r) => r.entityId),
  );
  for (const [id, label] of people) if (label.displayName !== null) byId.set(id, label.displayName);

  return (id: string): string | null => {
    const direct = byId.get(id);
    if (direct !== undefined) return direct;
    const [head, period, scope] = id.split('|');
    const owner = head === undefined ? undefined : byId.get(head);
    if (owner === undefined || period === undefined) return null;
    return [owner, period, scope].filter((x) => x !== undefined && x !== '').join(' · ');
  };
}
