import type {
  Assignment,
  Commitment,
  Finding,
  Indicator,
  OutlineNode,
  SourceSpan,
} from '../model/plan-model.schema.js';
import type { TextUnit } from '../extract/text-unit.js';
import { compact, type Toc } from '../structure/toc.js';
import { toHalfWidth } from '../text/width.js';
import { notAPlanMessage, type DocumentKind } from './document-kind.js';
import { readScope, scopeAt, targetScope, walk, walkWithPath, type DeclaredScope } from './scope.js';

export type AuditInput = {
  outline: OutlineNode[];
  indicators: Indicator[];
  commitments: Commitment[];
  assignments: Assignment[];
  toc: Toc | null;
  units: TextUnit[];
  /** Body text outside the indicator table, to check that indicators are mentioned. */
  bodyText: string;
  ownerlessMeasures: SourceSpan[];
  /** What the document looks like when it is not a plan outline (`nonPlanKind`), else null. */
  notAPlan?: DocumentKind | null;
};

/** Nodes reporting the previous period's results, whose figures serve as baselines. */
const RETROSPECTIVE = /成效|成就|回顾|发展基础|“十四五”/;

/**
 * The consistency audit: what a planner should look at before publishing the framework. Every
 * finding carries its sources and a message in Chinese and English.
 */
export function auditPlan(input: AuditInput): Finding[] {
  const findings = [
    ...unparsedTargets(input.indicators),
    ...baselineChecks(input),
    ...conflictingTargets(input),
    ...unmentioned(input.indicators, input.bodyText, new Set(input.commitments.map((c) => c.indicatorSeq))),
    ...input.ownerlessMeasures.map((span) =>
      finding(
        'measure-without-owner',
        'info',
        { zh: '有时限的任务未写明牵头单位。', en: 'A dated measure names no lead department.' },
        [span],
        null,
      ),
    ),
    ...unknownDepartments(input.assignments),
    ...tocMismatches(input.outline, input.toc),
    ...(input.notAPlan
      ? [finding('not-a-plan-outline', 'warning', notAPlanMessage(input.notAPlan), [], null)]
      : []),
  ];
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Target texts keep their line breaks (`10\n（累计）`); messages show them on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}

function finding(
  code: Finding['code'],
  severity: Finding['severity'],
  message: Finding['message'],
  sources: SourceSpan[],
  indicatorSeq: string | null,
): Finding {
  return { code, severity, message, sources, indicatorSeq };
}

function label(indicator: Indicator): { zh: string; en: string } {
  return {
    zh: `指标${indicator.seq}“${indicator.name}”`,
    en: `Indicator ${indicator.seq} (${indicator.name})`,
  };
}

function unparsedTargets(indicators: Indicator[]): Finding[] {
  return indicators
    .filter((i) => !i.target.parsed)
    .map((i) =>
      finding(
        'unparsed-target',
        'warning',
        {
          zh: `${label(i).zh}的目标值“${oneLine(i.target.text)}”无法解析，请人工确认。`,
          en: `${label(i).en}: target "${oneLine(i.target.text)}" could not be parsed; please confirm it by hand.`,
        },
        [i.source],
        i.seq,
      ),
    );
}

/**
 * A target below the level already reached, for an indicator where higher is better. Figures from
 * the table's baseline column are compared directly; figures reported in running text (the
 * previous period's results) are compared only after checking that both are in the same scope.
 */
function baselineChecks(input: AuditInput): Finding[] {
  const out: Finding[] = [];
  const plannedScope = targetScope(input.outline);
  const retrospective = retrospectiveUnits(input);
  for (const indicator of input.indicators) {
    if (!comparableLevel(indicator)) continue;
    const target = indicator.target.value ?? 0;
    if (indicator.baseline?.value != null) {
      if (isBelow(indicator, indicator.baseline.value))
        out.push(belowBaseline(indicator, indicator.baseline.value, [indicator.source]));
      continue;
    }
    const reported = reportedFigure(input, indicator, retrospective);
    if (!reported || reported.value <= target || !isBelow(indicator, reported.value)) continue;
    const scopeOfTarget = indicator.target.scope ? readScope(indicator.target.scope) : plannedScope;
    if (reported.scope && scopeOfTarget && reported.scope.text !== scopeOfTarget.text) {
      out.push(scopeMismatch(indicator, reported, scopeOfTarget));
    } else {
      out.push(belowBaseline(indicator, reported.value, [reported.source, indicator.source]));
    }
  }
  return out;
}

/**
 * Only a level target of a higher-is-better stock can be "below the baseline": rates, changes and
 * cumulative totals measure something else, and flows (`新增…`) restart every year.
 */
function comparableLevel(indicator: Indicator): boolean {
  const { target } = indicator;
  return (
    indicator.direction === 'higher' &&
    target.kind === 'absolute' &&
    target.value !== null &&
    target.change === null &&
    !/新增|增长|增速|增加/.test(indicator.name)
  );
}

/** `＞65` against 65.7 is a floor already met, not a decline; `85左右` allows the office's tolerance (1%). */
function isBelow(indicator: Indicator, reached: number): boolean {
  const { op, value } = indicator.target;
  if (value === null || op === '>=' || op === '>') return false;
  return op === '~' ? value < reached * 0.99 : value < reached;
}

type ReportedFigure = {
  value: number;
  text: string;
  scope: DeclaredScope | null;
  source: SourceSpan;
  nodeTitle: string;
};

function reportedFigure(
  input: AuditInput,
  indicator: Indicator,
  retrospective: RetrospectiveUnits,
): ReportedFigure | null {
  const key = indicator.name.replace(/[（(].*?[）)]/g, '').replace(/(数|量|总数)$/, '');
  if (key.length < 3) return null;
  const unit = indicator.unit ?? indicator.target.unit ?? '';
  const pattern = new RegExp(
    `${escape(key)}(?:数|总数)?(?:达到|达|超过|超|突破|为)?(?:约|近)?(\\d+(?:\\.\\d+)?)${escape(unit)}`,
  );
  for (const { unit: textUnit, path } of retrospective) {
    if (!textUnit.text.includes(key)) continue;
    const match = pattern.exec(textUnit.text);
    if (!match) continue;
    const node = path[path.length - 1];
    return {
      value: Number(match[1]),
      text: match[0],
      scope: scopeAt(path),
      source: textUnit.span(match.index, match.index + match[0].length),
      nodeTitle: `${node?.label ?? ''}“${node?.title ?? ''}”`,
    };
  }
  return null;
}

type RetrospectiveUnits = { unit: TextUnit; path: OutlineNode[] }[];

/** Paragraphs under a node that reports the previous period's results, with their node paths. */
function retrospectiveUnits(input: AuditInput): RetrospectiveUnits {
  const paths = new Map<string, OutlineNode[]>();
  for (const { node, path } of walkWithPath(input.outline)) {
    if (path.some((n) => RETROSPECTIVE.test(n.title))) paths.set(node.id, path);
  }
  return input.units.flatMap((unit) => {
    const path = paths.get(unit.nodeId);
    return path ? [{ unit, path }] : [];
  });
}

function belowBaseline(indicator: Indicator, value: number, sources: SourceSpan[]): Finding {
  const t = indicator.target;
  return finding(
    'target-below-baseline',
    'warning',
    {
      zh: `${label(indicator).zh}：目标值${oneLine(t.text)}低于已达到的${value}，而该指标越高越好。`,
      en: `${label(indicator).en}: the target ${oneLine(t.text)} is below the ${value} already reached, for an indicator where higher is better.`,
    },
    sources,
    indicator.seq,
  );
}

function scopeMismatch(indicator: Indicator, reported: ReportedFigure, planned: DeclaredScope): Finding {
  const reportedScope = reported.scope?.text ?? '';
  return finding(
    'scope-mismatch',
    'warning',
    {
      zh: `${label(indicator).zh}：${reported.nodeTitle}中的“${reported.text}”（口径：${reportedScope}）与目标值${oneLine(indicator.target.text)}（口径：${planned.text}）口径不同，不能据此判断目标低于现有水平；请按同一口径核对基期值。`,
      en: `${label(indicator).en}: "${reported.text}" in ${reported.nodeTitle} (scope: ${reportedScope}) and the target ${oneLine(indicator.target.text)} (scope: ${planned.text}) are in different statistical scopes, so this is not a target below the current level; check the baseline in the target's scope.`,
    },
    [reported.source, indicator.source],
    indicator.seq,
  );
}

/**
 * A commitment in the text that restates an indicator with a different number. Compared only when
 * the units agree and the paragraph is about the whole plan area, not one park or town
 * (`——常州经开区。…高新技术企业突破800家`).
 */
function conflictingTargets(input: AuditInput): Finding[] {
  const out: Finding[] = [];
  const placeParagraphs = input.units
    .filter((u) => PLACE_LEAD.test(u.leadPhrase ?? ''))
    .map((u) => u.span(0, u.text.length));
  const aboutOnePlace = (span: SourceSpan): boolean =>
    placeParagraphs.some((p) => p.start <= span.start && span.end <= p.end);
  for (const commitment of input.commitments) {
    const indicator = input.indicators.find((i) => i.seq === commitment.indicatorSeq);
    const q = commitment.quantity;
    if (!indicator || !q || q.value === null || indicator.target.value === null) continue;
    if (!sameUnit(q.unit, indicator.unit ?? indicator.target.unit) || aboutOnePlace(commitment.source))
      continue;
    const sameValue = q.value === indicator.target.value;
    const sameOp = (q.op ?? '=') === (indicator.target.op ?? '=');
    if (sameValue && sameOp) continue;
    out.push(
      finding(
        'conflicting-targets',
        sameValue ? 'info' : 'warning',
        {
          zh: `${label(indicator).zh}：正文写“${q.text}”，指标表写“${oneLine(indicator.target.text)}”，${sameValue ? '数值相同但表述不同' : '两处目标不一致'}。`,
          en: `${label(indicator).en}: the text says "${q.text}" while the indicator table says "${oneLine(indicator.target.text)}"${sameValue ? ' (same number, different comparator)' : ' (the two targets differ)'}.`,
        },
        [commitment.source, indicator.source],
        indicator.seq,
      ),
    );
  }
  return out;
}

function sameUnit(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const norm = (u: string): string => toHalfWidth(u).replace(/^个/, '');
  return norm(a) === norm(b);
}

/** A paragraph whose lead phrase names a single place (`——常州经开区。`) speaks for that place only. */
const PLACE_LEAD = /^(——)?[\u4e00-\u9fff]{2,10}(区|镇|街道|园|城)。$/;

/** Indicators the body never names; one restated by a commitment counts as mentioned. */
function unmentioned(indicators: Indicator[], bodyText: string, restated: Set<string | null>): Finding[] {
  return indicators
    .filter((i) => !restated.has(i.seq) && !isMentioned(i.name, bodyText))
    .map((i) =>
      finding(
        'indicator-not-mentioned',
        'info',
        {
          zh: `${label(i).zh}在正文中未被提及。`,
          en: `${label(i).en} is not mentioned anywhere in the text.`,
        },
        [i.source],
        i.seq,
      ),
    );
}

/**
 * Mentioned when some run of the name (brackets removed) of five characters (fewer for short
 * names) occurs in the text. All runs go into one regular expression: one scan instead of one per run.
 */
function isMentioned(name: string, text: string): boolean {
  const core = name.replace(/[（(].*?[）)]/g, '');
  const size = Math.min(5, Math.max(2, core.length - 1));
  const runs: string[] = [];
  for (let k = 0; k + size <= core.length; k++) runs.push(escape(core.slice(k, k + size)));
  return runs.length > 0 && new RegExp(runs.join('|')).test(text);
}

function unknownDepartments(assignments: Assignment[]): Finding[] {
  return assignments.flatMap((a) =>
    [...a.leads, ...a.coLeads]
      .filter((d) => !d.known)
      .map((d) =>
        finding(
          'unknown-department',
          'info',
          {
            zh: `牵头单位“${d.text}”不在部门名录中，请确认或添加别名。`,
            en: `Department "${d.text}" is not in the registry; confirm it or add an alias.`,
          },
          [a.source],
          null,
        ),
      ),
  );
}

function tocMismatches(outline: OutlineNode[], toc: Toc | null): Finding[] {
  if (!toc) return [];
  // Headings are compared on kind, label and the first characters of the title.
  const keyOf = (kind: string, labelText: string, title: string): string =>
    `${kind}|${labelText}|${compact(title).slice(0, 6)}`;
  const body = new Set([...walk(outline)].map((n) => keyOf(n.kind, n.label, n.title)));
  const missing = toc.entries.filter(
    (e) => (e.kind === 'part' || e.kind === 'chapter') && !body.has(keyOf(e.kind, e.label, e.title)),
  );
  const first = missing[0];
  if (!first) return [];
  return [
    finding(
      'toc-mismatch',
      'info',
      {
        zh: `目录列出的${missing.length}个篇、章在正文中未找到（如“${first.label} ${first.title}”），文件可能是节选。`,
        en: `${missing.length} parts or chapters listed in the table of contents were not found in the body (e.g. "${first.label} ${first.title}"); the document may be an excerpt.`,
      },
      [],
      null,
    ),
  ];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
