import { summarizePlan, type PlanModel } from '@plantrack/core';

export type Lang = 'zh' | 'en';

/** The human summary printed by `plantrack ingest`: counts first, then every finding. */
export function formatSummary(model: PlanModel, lang: Lang): string {
  const s = summarizePlan(model);
  const p = model.plan;
  const period = p.periodStart && p.periodEnd ? `${p.periodStart}–${p.periodEnd}` : '?';
  const lines =
    lang === 'zh'
      ? [
          `《${p.title || '（未识别标题）'}》 ${p.region ?? ''} ${period}（基期 ${p.baselineYear ?? '?'}）`,
          `版式：${model.document.layout}，${model.document.characters} 字符`,
          `结构：${s.parts} 篇、${s.chapters} 章、${s.sections} 节、${s.subheadings} 小标题、${s.items} 条；${s.paragraphs} 段；${s.footnotes} 个脚注`,
          `指标：${s.indicators} 项（${s.indicatorGroups} 类，约束性 ${s.binding} 项）`,
          `目标任务：${s.commitments} 条；牵头条款：${s.assignmentClauses} 条（${s.leadAssignments} 个牵头单位）`,
          `阶段：${model.phases.map((ph) => `${ph.name}（${years(ph)}）`).join('、') || '无'}；地名：${s.places} 个`,
          `审查发现：${s.findings.error} 个错误、${s.findings.warning} 个警告、${s.findings.info} 个提示`,
        ]
      : [
          `${p.title || '(title not found)'} — ${p.region ?? ''} ${period} (baseline ${p.baselineYear ?? '?'})`,
          `Layout: ${model.document.layout}, ${model.document.characters} characters`,
          `Structure: ${s.parts} parts, ${s.chapters} chapters, ${s.sections} sections, ${s.subheadings} subheadings, ${s.items} items; ${s.paragraphs} paragraphs; ${s.footnotes} footnotes`,
          `Indicators: ${s.indicators} (${s.indicatorGroups} groups, ${s.binding} binding)`,
          `Commitments: ${s.commitments}; lead clauses: ${s.assignmentClauses} (${s.leadAssignments} lead departments)`,
          `Phases: ${model.phases.map((ph) => `${ph.name} (${years(ph)})`).join(', ') || 'none'}; places: ${s.places}`,
          `Findings: ${s.findings.error} errors, ${s.findings.warning} warnings, ${s.findings.info} notes`,
        ];
  for (const finding of model.findings) {
    const where = finding.sources[0] ? ` [L${finding.sources[0].lineStart}]` : '';
    lines.push(`  - ${finding.severity}: ${lang === 'zh' ? finding.message.zh : finding.message.en}${where}`);
  }
  for (const warning of model.warnings) lines.push(`  ! ${lang === 'zh' ? warning.zh : warning.en}`);
  return lines.join('\n');
}

function years(phase: { startYear: number; endYear: number }): string {
  return phase.startYear === phase.endYear ? String(phase.startYear) : `${phase.startYear}–${phase.endYear}`;
}
