import {
  type DepartmentSummary,
  type SummaryTaskProgress,
  assessIndicator,
  buildDepartmentSummary,
} from '@plantrack/core';
import { renderDepartmentSummaryDocx, renderDepartmentSummaryHtml } from '@plantrack/formats';
import { departmentNames, isDemoDatabase, latestApprovedProgress, listTasks } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import { canDownloadDepartmentSummary } from '../../policies/reporting.policy.js';
import { buildEngineInput, loadPlanAssessmentData } from '../assessment/assessment.service.js';
import { indicatorOwnersOfPlan } from '../organisation/ownership.service.js';
import { asOfOrToday, ownedStatus } from '../records/reporting.service.js';

export type DepartmentSummaryFile =
  | { format: 'json'; summary: DepartmentSummary }
  | { format: 'docx' | 'html'; summary: DepartmentSummary; bytes: Uint8Array; fileName: string };

const PROGRESS: readonly SummaryTaskProgress[] = ['not_started', 'in_progress', 'completed', 'delayed'];

/**
 * A department's one-page summary of a plan: its indicators (assessed as of the date) and tasks,
 * the reports it owes that are late or due soon, and what is behind schedule. For the department's
 * own reporters and the planning office.
 */
export async function departmentSummary(
  ctx: AppContext,
  p: Principal,
  args: { planId: string; departmentId: string; format: 'docx' | 'html' | 'json'; asOf?: string | undefined },
): Promise<DepartmentSummaryFile> {
  enforce(p, canDownloadDepartmentSummary(p, args.departmentId));
  const name = (await departmentNames(ctx.db, [args.departmentId])).get(args.departmentId);
  if (name === undefined) throw notFound(`department ${args.departmentId}`);
  const asOf = asOfOrToday(args.asOf);
  const data = await loadPlanAssessmentData(ctx, args.planId);
  const owners = await indicatorOwnersOfPlan(ctx, args.planId);
  const year = Number(asOf.slice(0, 4));
  const indicators = data.indicators
    .filter((i) => (owners.get(i.key) ?? []).includes(args.departmentId))
    .map((i) => {
      const a = assessIndicator(buildEngineInput(data, i, year));
      return {
        seq: i.seq,
        name: i.name,
        unit: i.unit,
        targetText: i.target.text,
        latest: a.latest === null ? null : { period: String(a.latest.period), value: a.latest.value },
        status: a.status,
      };
    });
  const tasks = (await listTasks(ctx.db, args.planId)).filter((t) =>
    t.owners.some((o) => o.departmentId === args.departmentId),
  );
  const progress = await latestApprovedProgress(
    ctx.db,
    tasks.map((t) => t.taskId),
  );
  const owed = (await ownedStatus(ctx, args.planId, asOf))
    .filter(({ owners: ids }) => ids.includes(args.departmentId))
    .map(({ owed: o }) => o);
  const summary = buildDepartmentSummary({
    planTitle: data.plan.title,
    department: name,
    asOf,
    dueWithinDays: ctx.config.dueSoonDays,
    demo: await isDemoDatabase(ctx.db),
    indicators,
    tasks: tasks.map((t) => {
      const latest = progress.get(t.taskId);
      const status = PROGRESS.find((s) => s === latest?.progress);
      return {
        title: t.measure,
        role: t.owners.some((o) => o.departmentId === args.departmentId && o.role === 'lead')
          ? 'lead'
          : 'co_lead',
        latest:
          latest === undefined || status === undefined ? null : { period: latest.period, progress: status },
      };
    }),
    owed,
  });
  if (args.format === 'json') return { format: 'json', summary };
  const fileName = `${summary.title}（${asOf}）.${args.format}`;
  const bytes =
    args.format === 'docx'
      ? await renderDepartmentSummaryDocx(summary)
      : new TextEncoder().encode(renderDepartmentSummaryHtml(summary));
  return { format: args.format, summary, bytes, fileName };
}
