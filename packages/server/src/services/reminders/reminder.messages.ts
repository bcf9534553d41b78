import { type PlanRecordKindName, recordKind, recordKindOfElement } from '@plantrack/core';
import type { Notification } from '@plantrack/db';
import type { Messages } from '../../errors.js';

/** An item × period a reminder speaks of. */
export type ReminderSubject = {
  kind: 'indicator' | 'task';
  name: string;
  period: string;
  dueDate: string;
  planTitle: string;
};

/** Long task measures would swamp a title line; the body keeps the full name. */
function short(name: string, max = 40): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max).join('')}…`;
}

/** What is owed or was returned: the label of the record kind of a plan element, or the kind itself. */
function what(kind: 'indicator' | 'task' | PlanRecordKindName): Messages {
  return kind === 'indicator' || kind === 'task' ? recordKindOfElement(kind).label : recordKind(kind).label;
}

/** Title and body of a reminder that a report falls due within the configured days. */
export function dueSoonMessages(s: ReminderSubject): { title: Messages; body: Messages } {
  const w = what(s.kind);
  return {
    title: {
      zh: `【待填报】${short(s.name)}（${s.period}）将于 ${s.dueDate} 到期`,
      en: `[Due soon] ${short(s.name)} (${s.period}) is due on ${s.dueDate}`,
    },
    body: {
      zh: `请于 ${s.dueDate} 前提交“${s.name}”${s.period} 期的${w.zh}。（${s.planTitle}）`,
      en: `Please submit the ${w.en} of “${s.name}” for ${s.period} by ${s.dueDate}. (${s.planTitle})`,
    },
  };
}

/** Title and body of a reminder that a report is overdue and not submitted. */
export function overdueMessages(s: ReminderSubject): { title: Messages; body: Messages } {
  const w = what(s.kind);
  return {
    title: {
      zh: `【已逾期】${short(s.name)}（${s.period}）已于 ${s.dueDate} 到期，尚未提交`,
      en: `[Overdue] ${short(s.name)} (${s.period}) was due on ${s.dueDate} and has not been submitted`,
    },
    body: {
      zh: `“${s.name}”${s.period} 期的${w.zh}已逾期，请尽快提交。（${s.planTitle}）`,
      en: `The ${w.en} of “${s.name}” for ${s.period} is overdue; please submit it soon. (${s.planTitle})`,
    },
  };
}

/** Title and body of the notice that a reviewer returned a submission. */
export function returnedMessages(args: {
  kind: PlanRecordKindName;
  name: string;
  period: string;
  reason: string;
}): { title: Messages; body: Messages } {
  const w = what(args.kind);
  return {
    title: {
      zh: `【被退回】${short(args.name)}（${args.period}）的${w.zh}被退回`,
      en: `[Returned] The ${w.en} of ${short(args.name)} (${args.period}) was returned`,
    },
    body: {
      zh: `退回理由：${args.reason}\n请修改后重新提交。`,
      en: `Reason: ${args.reason}\nPlease correct it and submit again.`,
    },
  };
}

/**
 * One e-mail summarising a user's new notifications: plain text, Chinese first, then English,
 * with the service's public address to sign in at when it is configured.
 */
export function reminderEmail(
  displayName: string,
  notifications: readonly Notification[],
  publicUrl: string | null = null,
): { subject: string; text: string } {
  const n = notifications.length;
  const first = notifications[0];
  const subject = n === 1 && first !== undefined ? first.title.zh : `【规划实施监测】您有 ${n} 条新通知`;
  const list = (lang: 'zh' | 'en'): string =>
    notifications
      .map((x, i) => `${i + 1}. ${x.title[lang]}\n   ${x.body[lang].replaceAll('\n', '\n   ')}`)
      .join('\n');
  const text = [
    `${displayName}，您好：`,
    '',
    `规划实施监测评估系统有 ${n} 条新通知：`,
    '',
    list('zh'),
    '',
    publicUrl === null ? '请登录系统查看和填报。' : `请登录系统查看和填报：${publicUrl}`,
    '',
    '----',
    '',
    `Hello ${displayName},`,
    '',
    `PlanTrack has ${n} new notification${n === 1 ? '' : 's'} for you:`,
    '',
    list('en'),
    '',
    publicUrl === null
      ? 'Sign in to PlanTrack to read them and report.'
      : `Sign in to PlanTrack to read them and report: ${publicUrl}`,
    '',
  ].join('\n');
  return { subject, text };
}
