import { assessIndicator } from '../assessment/assessment.engine.js';
import { plainSentence } from '../assessment/plain-sentence.js';
import { lagChart, statusChart } from './report-charts.js';
import {
  countStatuses,
  countTasks,
  countsSentence,
  halfwayParagraph,
  numberSections,
  numberTables,
  officeText,
  type Draft,
} from './report-sections.js';
import { assessProjects, countProjects, projectTable } from './report-projects.js';
import { createSourceRegister } from './report-sources.js';
import { bindingTable, indicatorTable, sourcesTable, taskTable, type AssessedRow } from './report-tables.js';
import { dateLine, reportTitle } from './report-title.js';
import type { ChartSpec, ReportDocument, ReportInput, WarningItem } from './report.types.js';

/** Assess every indicator of the plan as of the report year, with the values the caller supplied. */
function assessRows(input: ReportInput, base: number, target: number): AssessedRow[] {
  const bySeq = new Map(input.data.map((d) => [d.seq, d]));
  return input.indicators.map((indicator) => {
    const data = bySeq.get(indicator.seq) ?? null;
    const assessment = assessIndicator({
      indicator: { ...indicator, scope: input.targetScope ?? null },
      plan: { baselineYear: base, targetYear: target },
      observations: data?.observations ?? [],
      references: [...(input.references ?? []), ...(data?.references ?? [])],
      asOf: input.year,
      ...(input.thresholds === undefined ? {} : { thresholds: input.thresholds }),
      ...(input.scopeAliases === undefined ? {} : { options: { scopeAliases: input.scopeAliases } }),
      judgement: data?.judgement ?? null,
    });
    return { indicator, assessment, data };
  });
}

/**
 * Build a report (年度监测报告, 中期评估报告, 总结评估报告 or 人大 briefing) as a value: title from the
 * plan's region and title, sections with their heading levels, 表1–表4 (表3 重大项目 when the plan has
 * projects; tables numbered in order), counts by status, 预警
 * items, chart specs, plain sentences, the office's own sections as placeholders, and the 数据来源
 * appendix listing every figure. Pure: the same input gives the same document.
 */
export function buildReportDocument(input: ReportInput): ReportDocument {
  const plan = input.plan;
  const targetYear = plan.periodEnd ?? input.year;
  const baseYear = plan.baselineYear ?? (plan.periodStart ?? targetYear) - 1;
  const rows = assessRows(input, baseYear, targetYear);
  const reg = createSourceRegister();
  reg.entries.push({
    id: 'S0',
    seq: '',
    indicator: '目标值及规划文本所列基期值',
    period: null,
    value: '—',
    revisionId: input.planVersion ?? '规划文本',
    source: `《${plan.title}》`,
    scope: input.targetScope ?? null,
    approval: plan.issuer,
  });
  const statuses = rows.map((r) => r.assessment.status);
  const statusCounts = countStatuses(statuses);
  const taskCounts = countTasks(input.tasks.map((t) => t.status));
  const sentences = rows.map((r) => ({
    seq: r.indicator.seq,
    sentence: plainSentence(r.assessment, r.indicator.unit),
  }));
  const sentenceOf = (seq: string): string => sentences.find((s) => s.seq === seq)?.sentence.zh ?? '';
  const warnings: WarningItem[] = rows
    .filter((r) => r.assessment.warning)
    .map((r) => ({ seq: r.indicator.seq, name: r.indicator.name, text: sentenceOf(r.indicator.seq) }));
  const table1 = indicatorTable(rows, { base: baseYear, target: targetYear, year: input.year }, reg);
  const table2 = bindingTable(rows, input.year, reg);
  const table4 = taskTable(input.tasks);
  const projects = assessProjects(
    input.projects ?? [],
    input.year,
    input.asOf,
    input.projectLagThresholdPoints,
  );
  const table3 = projects.length === 0 ? null : projectTable(projects, input.year, input.asOf, reg);
  const charts: ChartSpec[] = [statusChart(statusCounts)];
  for (const r of rows) {
    const s = r.assessment.status;
    if (s !== '滞后' && s !== '严重滞后') continue;
    const c = lagChart(r.assessment, r.indicator.unit, targetYear);
    if (c !== null) charts.push(c);
  }
  const bindingCount = table2.rows.length;
  const bindingMet = table2.rows.filter((row) => row[5]?.text === '达标').length;
  const summary =
    `${plan.periodStart ?? ''}—${targetYear}年规划纲要确定的主要指标共${rows.length}项，` +
    `截至${dateLine(input.asOf)}，进度评价为：${countsSentence(statusCounts)}。` +
    `约束性指标${bindingCount}项，${input.year}年达标${bindingMet}项` +
    `${warnings.length > 0 ? `，列入预警${warnings.length}项` : ''}。` +
    (input.tasks.length > 0
      ? `纳入跟踪的重点任务${input.tasks.length}项：${countsSentence(taskCounts)}。`
      : '');
  const chartBlocks = charts.map((chart) => ({ kind: 'chart' as const, chart }));
  const warningBlocks =
    warnings.length === 0
      ? [{ kind: 'paragraph' as const, text: '本期无预警指标。' }]
      : [
          {
            kind: 'paragraph' as const,
            text: `以下${warnings.length}项约束性指标按现有趋势难以完成目标，列入预警：`,
          },
          { kind: 'list' as const, items: warnings.map((w) => w.text) },
        ];
  const indicatorSection: Draft[] = [
    { title: '总体进展', blocks: [table1, ...chartBlocks.slice(0, 1)] },
    { title: '约束性指标', blocks: [table2] },
    {
      title: '各项指标进展',
      blocks: [
        ...sentences.map((s) => ({ kind: 'paragraph' as const, text: s.sentence.zh })),
        ...chartBlocks.slice(1),
      ],
    },
  ];
  const taskSection: Draft = {
    title: '重点任务推进情况',
    blocks:
      input.tasks.length === 0
        ? [{ kind: 'paragraph', text: '本期未录入重点任务进展。' }]
        : [
            {
              kind: 'paragraph',
              text: `纳入跟踪的重点任务${input.tasks.length}项，${countsSentence(taskCounts)}。`,
            },
            table4,
          ],
  };
  const flaggedProjects = projects.filter((p) => p.status.health !== '正常');
  // No projects in the register: no section and no empty heading (and 表4 is numbered 表3).
  const projectSections: Draft[] =
    table3 === null
      ? []
      : [
          {
            title: '重大项目推进情况',
            blocks: [
              {
                kind: 'paragraph',
                text: `纳入跟踪的重大项目${projects.length}项，${countsSentence(countProjects(projects))}。`,
              },
              table3,
              ...(flaggedProjects.length === 0
                ? []
                : [
                    {
                      kind: 'list' as const,
                      items: flaggedProjects.map(
                        (p) =>
                          `${p.project.name}（${p.status.health}）：${p.status.reasons.map((r) => r.zh).join('；')}。`,
                      ),
                    },
                  ]),
            ],
          },
        ];
  let drafts: Draft[];
  switch (input.kind) {
    case 'annual':
      drafts = [
        { title: '总体情况', blocks: [officeText(input, 'overview'), { kind: 'paragraph', text: summary }] },
        { title: '主要指标监测情况', blocks: [], sections: indicatorSection },
        ...projectSections,
        taskSection,
        { title: '存在问题和预警', blocks: [...warningBlocks, officeText(input, 'problems')] },
        { title: '下一年度实施重点', blocks: [officeText(input, 'next-year')] },
      ];
      break;
    case 'midterm':
    case 'final':
      drafts = [
        {
          title: '总体评价',
          blocks: [
            { kind: 'paragraph', text: summary },
            {
              kind: 'paragraph',
              text: halfwayParagraph(
                input.asOf,
                { start: plan.periodStart ?? baseYear + 1, end: targetYear },
                statuses,
              ),
            },
          ],
        },
        { title: '主要目标指标实现情况', blocks: [], sections: indicatorSection },
        ...projectSections,
        taskSection,
        { title: '存在问题及原因', blocks: [...warningBlocks, officeText(input, 'problems')] },
        ...(input.kind === 'midterm'
          ? [{ title: '发展环境变化和调整建议', blocks: [officeText(input, 'adjustments')] }]
          : []),
        {
          title: input.kind === 'midterm' ? '下半程对策建议' : '对策建议',
          blocks: [officeText(input, 'measures')],
        },
      ];
      break;
    case 'briefing':
      drafts = [
        { title: '主要指标进展', blocks: [{ kind: 'paragraph', text: summary }, table1] },
        { title: '预警事项', blocks: warningBlocks },
      ];
      break;
  }
  return {
    kind: input.kind,
    title: reportTitle(input.kind, plan, input.year),
    year: input.year,
    asOf: input.asOf,
    dateLine: dateLine(input.asOf),
    region: plan.region,
    planTitle: plan.title,
    demo: input.demo === true,
    sections: numberSections(numberTables(drafts)),
    appendix: { title: '附件 数据来源', table: sourcesTable(reg.entries) },
    statusCounts,
    taskCounts,
    warnings,
    sources: reg.entries,
    charts,
    sentences,
  };
}
