import type { Plan } from '../model/plan-model.schema.js';
import { matchHeading, stripHeadingDecoration } from '../structure/heading.js';
import type { PreparedLine } from '../structure/prepared-line.js';

/** What a document that is not a plan outline looks like, for the warning that says so. */
export type DocumentKind = { zh: string; en: string };

/** Non-blank lines read for what the document calls itself. */
const OPENING_LINES = 40;
/** A plan outline's title names the plan; anything else ending in 规划 is a plan too. */
const PLAN_TITLE = /国民经济和社会发展|五年规划|规划纲要|规划$/;

/** Kinds of government documents, by the words they open with or their title ends in. */
const KINDS: readonly { test: RegExp; kind: DocumentKind }[] = [
  {
    test: /政府工作报告|^各位代表|向大会报告(政府)?工作/,
    kind: { zh: '政府工作报告', en: 'a government work report' },
  },
  { test: /工作报告$/, kind: { zh: '工作报告', en: 'a work report' } },
  { test: /(实施|行动|工作)方案$/, kind: { zh: '实施方案', en: 'an implementation scheme' } },
  { test: /行动计划$/, kind: { zh: '行动计划', en: 'an action plan' } },
  { test: /(实施)?意见$/, kind: { zh: '意见', en: 'a policy opinion' } },
  { test: /通知$/, kind: { zh: '通知', en: 'a notice' } },
  { test: /公报$/, kind: { zh: '公报', en: 'a communiqué' } },
  {
    test: /^(来源|记者|作者|责任编辑|编辑|发布时间|发布日期|浏览次数|阅读量?)[:：]/,
    kind: { zh: '新闻报道', en: 'a news article' },
  },
];

/**
 * Says what a document looks like when it is not a plan outline: a plan outline names itself as a
 * plan in its title; one that does not, and either names itself as something else (a work report,
 * a notice, a news article) or has no 篇/章/节 at all, is not taken for one. Returns null for plans.
 */
export function nonPlanKind(lines: readonly PreparedLine[], plan: Plan): DocumentKind | null {
  if (plan.title !== '' && PLAN_TITLE.test(plan.title)) return null;
  const opening: string[] = [];
  for (const line of lines) {
    if (line.trimmed === '') continue;
    opening.push(stripHeadingDecoration(line.trimmed));
    if (opening.length >= OPENING_LINES) break;
  }
  for (const { test, kind } of KINDS) if (opening.some((t) => t.length <= 60 && test.test(t))) return kind;
  const structured = lines.some((l) => {
    const heading = matchHeading(l.trimmed);
    return heading !== null && heading.kind !== 'subheading';
  });
  return structured ? null : { zh: '其他文件', en: 'some other document' };
}

/** The warning for a document that is not a plan outline, naming what it looks like. */
export function notAPlanMessage(kind: DocumentKind): { zh: string; en: string } {
  return {
    zh: `该文件看起来是${kind.zh}，不是规划纲要：未找到规划纲要标题，结构与指标可能不完整，已按现有内容读取。`,
    en: `This document looks like ${kind.en}, not a plan outline: no plan title was found, so structure and indicators may be incomplete; what it contains was read as it is.`,
  };
}
