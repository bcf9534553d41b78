import { extractAssignments, measuresWithoutOwner } from '../extract/assignment.extractor.js';
import { extractCommitments } from '../extract/commitment.extractor.js';
import {
  DEFAULT_DEPARTMENT_REGISTRY,
  DISTRICT_LOCAL_PREFIXES,
  buildDepartmentRegistry,
} from '../extract/department.registry.js';
import { extractGazetteer } from '../extract/gazetteer.extractor.js';
import { extractPhases } from '../extract/phase.extractor.js';
import { MODEL_VERSION, type PlanModel } from '../model/plan-model.schema.js';
import { detectLayout } from '../structure/layout.js';
import { buildOutline } from '../structure/outline.builder.js';
import { prepareLines } from '../structure/prepared-line.js';
import { findToc } from '../structure/toc.js';
import { assembleIndicators } from '../table/indicator.assembler.js';
import { findUnreadTables, readIndicatorTables, type FoundTable } from '../table/indicator-table.reader.js';
import { SourceText } from '../text/source-text.js';
import { auditPlan } from './findings.js';
import { IngestError, MAX_TEXT_CHARS } from './ingest-error.js';
import { nonPlanKind, notAPlanMessage } from './document-kind.js';
import { readPlanMeta } from './plan-meta.js';

export type IngestOptions = {
  fileName?: string | null;
  encoding?: string | null;
  /** Department registry (canonical names and aliases); defaults to a Jiangsu district's departments. */
  departments?: Parameters<typeof buildDepartmentRegistry>[0];
};

/**
 * Ingests the text of a plan outline into the plan model: layout, contents, outline, indicator
 * table, commitments, assignments, phases, gazetteer and the consistency audit. Pure: text in,
 * model out. Throws `IngestError` only for input it refuses outright (empty or oversize).
 */
export function ingestText(input: string, options: IngestOptions = {}): PlanModel {
  if (input.length > MAX_TEXT_CHARS) {
    throw new IngestError('too-large', {
      zh: `文本过长（${input.length} 字符，上限 ${MAX_TEXT_CHARS}），请检查是否为规划纲要。`,
      en: `The text is too long (${input.length} characters, limit ${MAX_TEXT_CHARS}); check that it is a plan outline.`,
    });
  }
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim().length === 0) {
    throw new IngestError('empty', { zh: '文件没有文字内容。', en: 'The document contains no text.' });
  }
  const source = new SourceText(text);
  const lines = prepareLines(source);
  const layout = detectLayout(text, lines);
  const toc = findToc(lines);
  const { plan, titleLines } = readPlanMeta(lines);
  const notAPlan = nonPlanKind(lines, plan);
  const inToc = (i: number): boolean => toc !== null && i >= toc.startLine && i < toc.endLine;
  const tables = readIndicatorTables(lines, plan.periodEnd, inToc);
  // The plan's targets table; a document whose tables have no role of their own keeps its first
  // table that is not the previous plan's results.
  const table =
    tables.find((t) => t.role === 'plan-targets') ??
    tables.find((t) => t.role !== 'previous-results') ??
    null;
  const inTable = (i: number): boolean => tables.some((t) => i >= t.startLine && i < t.endLine);
  const isTitle = new Set(titleLines);
  const { outline, preamble, units } = buildOutline(
    lines,
    layout,
    toc,
    source,
    (i) => inToc(i) || inTable(i) || isTitle.has(i),
  );
  const rowsOf = new Map<FoundTable, ReturnType<typeof assembleIndicators>>(
    tables.map((t) => [t, assembleIndicators(t.columns, t.rows, source)]),
  );
  const indicators = table ? (rowsOf.get(table) ?? []) : [];
  const registry = options.departments
    ? buildDepartmentRegistry(options.departments, { localPrefixes: DISTRICT_LOCAL_PREFIXES })
    : DEFAULT_DEPARTMENT_REGISTRY;
  const assignments = extractAssignments(units, registry);
  const commitments = extractCommitments(units, indicators, {
    periodStart: plan.periodStart ?? 2026,
    periodEnd: plan.periodEnd ?? 2030,
  });
  const findings = auditPlan({
    outline,
    indicators,
    commitments,
    assignments,
    toc,
    units,
    bodyText: units.map((u) => u.text).join('\n'),
    ownerlessMeasures: measuresWithoutOwner(units, assignments),
    notAPlan,
  });
  const warnings = [
    ...(outline.length === 0
      ? [
          {
            zh: '未识别出篇、章、节结构，已按段落读取全文。',
            en: 'No parts, chapters or sections were recognised; the text was read as plain paragraphs.',
          },
        ]
      : []),
    ...tableWarnings(lines, tables, plan.periodEnd, inToc),
    ...(notAPlan ? [notAPlanMessage(notAPlan)] : []),
  ];
  const describe = (t: FoundTable) => {
    const rows = rowsOf.get(t) ?? [];
    return {
      caption: t.caption?.text ?? null,
      columns: t.columns.map((c) => c.title),
      groups: [...new Set(rows.map((i) => i.group).filter((g): g is string => g !== null))],
      notes: t.notes.map((n) => n.text),
      source: source.span(
        lines[t.startLine]?.text.sourceRange().start ?? 0,
        lines[Math.max(t.startLine, t.endLine - 1)]?.text.sourceRange().end ?? 0,
      ),
    };
  };
  return {
    modelVersion: MODEL_VERSION,
    document: {
      layout,
      characters: text.length,
      lines: source.lineCount,
      encoding: options.encoding ?? null,
      fileName: options.fileName ?? null,
    },
    plan,
    preamble,
    outline,
    tableOfContents: (toc?.entries ?? []).map(({ kind, label, title, page }) => ({
      kind,
      label,
      title,
      page,
    })),
    indicatorTable: table ? describe(table) : null,
    indicators,
    indicatorTables: tables.map((t) => ({ ...describe(t), role: t.role, indicators: rowsOf.get(t) ?? [] })),
    commitments,
    assignments,
    phases: extractPhases(units),
    gazetteer: extractGazetteer(units),
    findings,
    warnings,
  };
}

/**
 * Warnings about indicator tables that were announced but not read: a caption with header words
 * after it and no row recognised, or no targets table while the document has other tables.
 */
function tableWarnings(
  lines: Parameters<typeof findUnreadTables>[0],
  tables: readonly FoundTable[],
  periodEnd: number | null,
  skip: (line: number) => boolean,
): { zh: string; en: string }[] {
  const warnings = findUnreadTables(lines, tables, periodEnd, skip).map((caption) => ({
    zh: `找到指标表的标题、表头或表注（“${caption}”），但未识别出任何指标行，请核对原文中的指标表。`,
    en: `Found an indicator table's caption, header or notes ("${caption}") but no row was recognised; check the table in the original.`,
  }));
  if (tables.length > 0 && !tables.some((t) => t.role !== 'previous-results')) {
    warnings.push({
      zh: '只找到上一规划期的指标完成情况表，未找到本规划的主要指标表。',
      en: "Only the previous plan's results table was found; the plan's own main indicator table was not.",
    });
  }
  return warnings;
}
