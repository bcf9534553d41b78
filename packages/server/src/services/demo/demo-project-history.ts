import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { addProject, raiseIssue, reviewReport, writeReport } from '../projects/projects.service.js';
import type { DemoClock } from './demo-calendar.js';
import { DEMO_SOURCE } from './demo-values.js';
import { type DemoProject, projectMonthsDueBy, simulateMonths } from './demo-projects.js';

const DAY_MS = 86_400_000;

/** What the simulated project history wrote. */
export type DemoProjectCounts = { projects: number; projectReports: number };

/** A dated write of the simulated history, run in time order with the others. */
export type DemoStep = { at: Date; run: () => Promise<void> };

/**
 * Registers the demo's projects (by the office, now) and returns the dated steps of their history:
 * each month's report submitted by the lead department's reporter before the 10th of the next month
 * and approved by the reviewer days later, through the project service (audit as for real data);
 * and, for one project, an issue raised in March 2026 with an April deadline that nobody resolves.
 */
export async function registerDemoProjects(
  ctx: AppContext,
  actors: {
    office: Principal;
    reviewer: Principal;
    reporters: ReadonlyMap<string, Principal>;
    departmentIdOf: (name: string) => string | undefined;
    clock: DemoClock;
  },
  input: { planId: string; projects: readonly DemoProject[]; through: string },
  counts: DemoProjectCounts,
): Promise<DemoStep[]> {
  const months = projectMonthsDueBy(input.through);
  const last = Date.parse(`${input.through}T17:00:00Z`);
  const clamp = (ms: number): Date => new Date(Math.min(ms, last));
  const steps: DemoStep[] = [];
  for (const [i, project] of input.projects.entries()) {
    const detail = await addProject(ctx, actors.office, input.planId, {
      fields: project.fields,
      stage: project.stage,
    });
    counts.projects += 1;
    const departmentId = actors.departmentIdOf(project.fields.leadUnit ?? '');
    const reporter = departmentId === undefined ? undefined : actors.reporters.get(departmentId);
    if (reporter === undefined) continue;
    if (project.overdueIssue) {
      const raised = Date.parse('2026-03-02T02:00:00Z');
      if (raised <= last) {
        steps.push({
          at: new Date(raised),
          run: async () => {
            actors.clock.set(new Date(raised));
            await raiseIssue(ctx, reporter, detail.id, {
              text: `【${DEMO_SOURCE}】征地拆迁尚未完成，施工单位无法全面进场，请协调自然资源部门加快办理。`,
              department: project.fields.leadUnit,
              deadline: '2026-04-30',
            });
          },
        });
      }
    }
    if (project.stage !== '在建') continue;
    for (const m of simulateMonths(project, i, months)) {
      const due = Date.parse(
        m.month === 12
          ? `${m.year + 1}-01-10T09:00:00Z`
          : `${m.year}-${String(m.month + 1).padStart(2, '0')}-10T09:00:00Z`,
      );
      const submit = clamp(due - (2 + (i % 6)) * DAY_MS + (i % 5) * 3_600_000);
      const approve = clamp(submit.getTime() + (1 + (i % 3)) * DAY_MS);
      steps.push({
        at: submit,
        run: async () => {
          actors.clock.set(submit);
          await writeReport(ctx, reporter, detail.id, {
            year: m.year,
            month: m.month,
            action: 'submit',
            monthWan: m.monthWan,
            ytdWan: m.ytdWan,
            progressText: m.progressText,
            reason: null,
            evidenceIds: [],
          });
          actors.clock.set(approve);
          await reviewReport(ctx, actors.reviewer, detail.id, {
            year: m.year,
            month: m.month,
            action: 'approve',
            reason: null,
          });
          counts.projectReports += 1;
        },
      });
    }
  }
  return steps;
}
