import { type PlanRecordKindName, recordKind } from '@plantrack/core';
import type { Messages } from '../../errors.js';

/** Who submitted, as a notice names them: `区统计局（张三）`, or whichever of the two is known. */
function who(department: string | null, person: string | null): Messages {
  if (department !== null && person !== null)
    return { zh: `${department}（${person}）`, en: `${person} (${department})` };
  const one = department ?? person;
  return one === null ? { zh: '有人', en: 'Someone' } : { zh: one, en: one };
}

/** Long task measures would swamp a title line; the body keeps the full name. */
function short(name: string, max = 40): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max).join('')}…`;
}

/** Title and body of the notice to reviewers that one record was submitted (or corrected) for review. */
export function submittedMessages(args: {
  kind: PlanRecordKindName;
  subjectName: string;
  period: string;
  department: string | null;
  person: string | null;
  corrected: boolean;
}): { title: Messages; body: Messages } {
  const w = recordKind(args.kind).label;
  const by = who(args.department, args.person);
  const verb = args.corrected
    ? { zh: '更正并重新提交了', en: 'corrected and resubmitted' }
    : { zh: '提交了', en: 'submitted' };
  return {
    title: {
      zh: `【待审核】${by.zh}${verb.zh}“${short(args.subjectName)}”${args.period} 的${w.zh}`,
      en: `[To review] ${by.en} ${verb.en} the ${w.en} of “${short(args.subjectName)}” for ${args.period}`,
    },
    body: {
      zh: `“${args.subjectName}”${args.period} 的${w.zh}等待审核，请核对数值、口径和数据质量提示后通过或退回。`,
      en: `The ${w.en} of “${args.subjectName}” for ${args.period} awaits review: check value, scope and data-quality warnings, then approve or return it.`,
    },
  };
}

/** Title and body of the notice to reviewers that a department submitted several items at once. */
export function submittedBatchMessages(args: {
  count: number;
  department: string | null;
  person: string | null;
}): { title: Messages; body: Messages } {
  const by = who(args.department, args.person);
  return {
    title: {
      zh: `【待审核】${by.zh}通过 Excel 模板提交了 ${args.count} 项`,
      en: `[To review] ${by.en} submitted ${args.count} item${args.count === 1 ? '' : 's'} through the Excel template`,
    },
    body: {
      zh: `${by.zh}一次提交的 ${args.count} 项等待审核，可在审核页按部门筛选查看。`,
      en: `${args.count} item${args.count === 1 ? '' : 's'} submitted together by ${by.en} await review; the review queue can show this department's alone.`,
    },
  };
}
