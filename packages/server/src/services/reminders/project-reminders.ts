import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { createNotificationIfAbsent, daysBetween, projectReportsOwed } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import type { Messages } from '../../errors.js';

/** Title and body of a reminder of a project's monthly report (due soon or overdue). */
export function projectReportMessages(
  kind: 'due-soon' | 'overdue',
  s: { name: string; year: number; month: number; dueDate: string; planTitle: string },
): { title: Messages; body: Messages } {
  const month = `${s.year}年${s.month}月`;
  const monthEn = `${s.year}-${String(s.month).padStart(2, '0')}`;
  const w = RECORD_KIND_DESCRIPTORS.project_report.label;
  return kind === 'overdue'
    ? {
        title: {
          zh: `【已逾期】${s.name}${month}${w.zh}已于 ${s.dueDate} 到期，尚未提交`,
          en: `[Overdue] The ${w.en} of ${s.name} for ${monthEn} was due on ${s.dueDate} and has not been submitted`,
        },
        body: {
          zh: `“${s.name}”${month}的${w.zh}（完成投资、形象进度）已逾期，请尽快提交。（${s.planTitle}）`,
          en: `The ${w.en} (investment, physical progress) of “${s.name}” for ${monthEn} is overdue; please submit it soon. (${s.planTitle})`,
        },
      }
    : {
        title: {
          zh: `【待填报】${s.name}${month}${w.zh}将于 ${s.dueDate} 到期`,
          en: `[Due soon] The ${w.en} of ${s.name} for ${monthEn} is due on ${s.dueDate}`,
        },
        body: {
          zh: `请于 ${s.dueDate} 前提交“${s.name}”${month}的${w.zh}（完成投资、形象进度）。（${s.planTitle}）`,
          en: `Please submit the ${w.en} (investment, physical progress) of “${s.name}” for ${monthEn} by ${s.dueDate}. (${s.planTitle})`,
        },
      };
}

/**
 * The monthly reports of the major projects in the reminder run: the month before `asOf` is due on
 * the 10th of `asOf`'s month (no setting exists for it). Until then, within `dueSoonDays`, the lead
 * department's reporters are told it is due soon; after it, while not submitted, that it is
 * overdue. Once per project, month and kind (the dedupe key), like the indicators' periods.
 * The notice names no period: a month of a project is no period of the reporting cycles.
 */
export async function remindProjectReports(
  ctx: AppContext,
  input: {
    asOf: string;
    now: Date;
    plans: ReadonlyMap<string, string>;
    reporters: ReadonlyMap<string, readonly string[]>;
  },
): Promise<{ dueSoon: number; overdue: number }> {
  const counts = { dueSoon: 0, overdue: 0 };
  const year = Number(input.asOf.slice(0, 4));
  const month = Number(input.asOf.slice(5, 7));
  const owedMonth = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  for (const owed of await projectReportsOwed(ctx.db, owedMonth)) {
    const planTitle = input.plans.get(owed.planId);
    if (owed.submitted || planTitle === undefined) continue;
    const days = daysBetween(input.asOf, owed.dueDate);
    const kind = days < 0 ? 'overdue' : days <= ctx.config.dueSoonDays ? 'due-soon' : null;
    if (kind === null) continue;
    const { title, body } = projectReportMessages(kind, { ...owed, planTitle });
    for (const userId of input.reporters.get(owed.leadDepartmentId) ?? []) {
      const { created } = await createNotificationIfAbsent(ctx.db, {
        userId,
        kind,
        subjectKind: 'project',
        subjectKey: owed.projectId,
        period: null,
        planId: owed.planId,
        dueDate: owed.dueDate,
        title,
        body,
        dedupeKey: `${kind}|project|${owed.projectId}|${owed.year}-${String(owed.month).padStart(2, '0')}`,
        createdAt: input.now.toISOString(),
      });
      if (created) counts[kind === 'overdue' ? 'overdue' : 'dueSoon'] += 1;
    }
  }
  return counts;
}
