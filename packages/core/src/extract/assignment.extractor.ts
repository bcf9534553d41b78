import type { Assignment, SourceSpan } from '../model/plan-model.schema.js';
import type { DepartmentRegistry } from './department.registry.js';
import type { ListedName } from './department-list.parser.js';
import type { TextUnit } from './text-unit.js';
import { DEFAULT_DEPARTMENT_REGISTRY, resolveDepartment } from './department.registry.js';
import { isDepartmentName, looksNonGovernmental, splitDepartmentList } from './department-list.parser.js';

/**
 * Extraction of responsibility assignments (`由区发改局牵头，…`): which department leads which measure.
 *
 * Clause forms recognised, per paragraph or footnote body:
 * - `由X牵头` / `由X负责` — X a list (`区生态办、武进生态环境局`; `A会同B` makes B a co-lead);
 * - `X牵头` without `由` — only when every name of X is a known department or is shaped like one
 *   and starts like an administrative body (`区`, `市`, `各`…), so `支持链主企业牵头组建…` is not an
 *   assignment;
 * - a following `，Y配合` / `参与` / `协同` / `协助` / `协办` adds Y as co-leads;
 * - `牵头单位：X` (optionally followed by `责任单位：Y` / `配合单位：Y` as co-leads), and a standalone
 *   `责任单位：X` where the first name (or the one marked `（牵头）`) leads and the rest co-lead.
 *
 * The measure a clause governs (see {@link measureFor}): the paragraph's lead phrase when the clause is
 * in the lead phrase or in the first sentence after it, or when the clause opens a later sentence (the
 * department is that sentence's subject, so it continues the paragraph's measure — `深化产教融合改革。
 * 由区总工会牵头，…。由区人社局牵头，…` gives both clauses the measure `深化产教融合改革`). A clause in
 * the middle of a later sentence that has its own subject (`…。该项工作由区教育局负责。`), or in a
 * paragraph without a lead phrase, governs its own sentence.
 */
export function extractAssignments(
  units: readonly TextUnit[],
  registry: DepartmentRegistry = DEFAULT_DEPARTMENT_REGISTRY,
): Assignment[] {
  const out: Assignment[] = [];
  for (const unit of units) {
    for (const clause of findClauses(unit.text, registry)) {
      out.push({
        id: `as-${out.length + 1}`,
        measure: measureFor(unit, clause.start),
        leads: clause.leads.map((name) => resolveDepartment(registry, name.text)),
        coLeads: clause.coLeads.map((name) => resolveDepartment(registry, name.text)),
        clause: unit.text.slice(clause.start, clause.end),
        nodeId: unit.nodeId,
        source: unit.span(clause.start, clause.end),
      });
    }
  }
  return out;
}

/** An assignment clause found in a text: its extent and the names as written. */
export type AssignmentClause = { start: number; end: number; leads: ListedName[]; coLeads: ListedName[] };

const BY_LEAD = /由(?![于此来衷])([^。；;！？!?：:，,\n]{2,40}?)(牵头|负责(?!人))/g;
/** A list after `单位：`: anything up to `；。）`, with balanced `（…）` notes allowed inside. */
const UNIT_LIST = String.raw`((?:[^；;。（）()\n]|[（(][^（）()\n]*[）)])+)`;
const LEAD_UNIT = new RegExp(String.raw`牵头单位[：:]\s*` + UNIT_LIST, 'g');
const CO_UNIT = new RegExp(
  String.raw`^[；;，,\s]*(?:责任单位|配合单位|参与单位|协办单位)[：:]\s*` + UNIT_LIST,
);
const RESPONSIBLE_UNIT = new RegExp(String.raw`责任单位[：:]\s*` + UNIT_LIST, 'g');
const CO_TAIL = /^，([^。；;！？!?，,\n]{2,60}?)(配合|参与|协同|协助|协办)/;
const CLAUSE_BOUNDARY = '。；;！？!?，,：:（(“”\n';
const ADMINISTRATIVE_START = /^(区|市|县|省|镇|各|常州|武进|江苏|国家)/;

/** Finds every assignment clause of a text, in text order, without overlaps. */
export function findClauses(text: string, registry: DepartmentRegistry): AssignmentClause[] {
  const clauses: AssignmentClause[] = [];
  if (!mayAssign(text)) return clauses;
  const covered = (at: number): boolean => clauses.some((c) => at >= c.start && at < c.end);

  for (const m of text.matchAll(LEAD_UNIT)) {
    const listStart = m.index + m[0].length - (m[1] ?? '').length;
    const leads = namesAt(registry, m[1] ?? '', listStart);
    if (leads.length === 0) continue;
    let end = m.index + m[0].trimEnd().length;
    let coLeads: ListedName[] = [];
    const co = CO_UNIT.exec(text.slice(end));
    if (co !== null) {
      coLeads = namesAt(registry, co[1] ?? '', end + co[0].length - (co[1] ?? '').length);
      end += co[0].trimEnd().length;
    }
    clauses.push({ start: m.index, end, leads, coLeads });
  }

  for (const m of text.matchAll(RESPONSIBLE_UNIT)) {
    if (covered(m.index)) continue;
    const names = namesAt(registry, m[1] ?? '', m.index + m[0].length - (m[1] ?? '').length);
    const markedIndex = names.findIndex((name) => /[（(]牵头[）)]$/.test(name.text));
    const leadIndex = markedIndex >= 0 ? markedIndex : 0;
    const lead = names[leadIndex];
    if (lead === undefined) continue;
    const cleaned = { ...lead, text: lead.text.replace(/[（(]牵头[）)]$/, '') };
    const coLeads = names.filter((_, i) => i !== leadIndex);
    clauses.push({ start: m.index, end: m.index + m[0].trimEnd().length, leads: [cleaned], coLeads });
  }

  for (const m of text.matchAll(BY_LEAD)) {
    if (covered(m.index)) continue;
    const list = m[1] ?? '';
    const listStart = m.index + 1;
    const [leadPart, coPart] = splitOnTogetherWith(list);
    const leads = namesAt(registry, leadPart, listStart);
    if (leads.length === 0 || leads.some((name) => looksNonGovernmental(name.text))) continue;
    const coLeads = coPart === null ? [] : namesAt(registry, coPart.text, listStart + coPart.offset);
    const tail = coLeadTail(text, m.index + m[0].length, registry);
    clauses.push({ start: m.index, end: tail.end, leads, coLeads: [...coLeads, ...tail.names] });
  }

  for (const m of text.matchAll(/牵头/g)) {
    if (covered(m.index) || text.startsWith('牵头单位', m.index)) continue;
    let start = m.index;
    while (start > 0 && !CLAUSE_BOUNDARY.includes(text[start - 1] ?? '')) start--;
    const list = text.slice(start, m.index);
    if (list.length < 2 || list.length > 40 || list.startsWith('由')) continue;
    const leads = namesAt(registry, list, start);
    const governmental = leads.every(
      (name) => isDepartmentName(registry, name.text) && ADMINISTRATIVE_START.test(name.text),
    );
    if (leads.length === 0 || !governmental) continue;
    const tail = coLeadTail(text, m.index + 2, registry);
    clauses.push({ start, end: tail.end, leads, coLeads: tail.names });
  }

  return clauses.sort((a, b) => a.start - b.start);
}

/**
 * Every clause form needs `牵头` (also in `牵头单位`), `负责` or `责任单位`; most paragraphs have none
 * of them, and checking first spares them the four regex scans below.
 */
function mayAssign(text: string): boolean {
  return text.includes('牵头') || text.includes('负责') || text.includes('责任单位');
}

/** `A会同B` → lead part `A`, co-lead part `B` (with its offset in the list). */
function splitOnTogetherWith(list: string): [string, { text: string; offset: number } | null] {
  const at = list.indexOf('会同');
  if (at <= 0) return [list, null];
  return [list.slice(0, at), { text: list.slice(at + 2), offset: at + 2 }];
}

/** A `，Y配合` right after a lead clause; Y must be department names. */
function coLeadTail(
  text: string,
  from: number,
  registry: DepartmentRegistry,
): { end: number; names: ListedName[] } {
  const m = CO_TAIL.exec(text.slice(from));
  if (m === null) return { end: from, names: [] };
  const names = namesAt(registry, m[1] ?? '', from + 1);
  if (names.length === 0 || !names.every((name) => isDepartmentName(registry, name.text))) {
    return { end: from, names: [] };
  }
  return { end: from + m[0].length, names };
}

/** Splits a list and makes the offsets absolute in the unit text. */
function namesAt(registry: DepartmentRegistry, list: string, listStart: number): ListedName[] {
  return splitDepartmentList(registry, list).map((name) => ({ ...name, offset: listStart + name.offset }));
}

const SENTENCE_END = /[。！？!?]/g;

/** Start offsets of the sentences of a text (split after `。！？`). */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index + 1 < text.length) starts.push(m.index + 1);
  }
  return starts;
}

/** The sentence holding an offset, without its closing mark and surrounding spaces. */
function sentenceAt(text: string, at: number): { start: number; end: number; text: string } {
  const starts = sentenceStarts(text);
  let start = 0;
  for (const s of starts) if (s <= at) start = s;
  const next = starts.find((s) => s > at) ?? text.length;
  const raw = text.slice(start, next);
  return { start, end: next, text: raw.trim().replace(/[。！？!?]$/, '') };
}

/** End offset of the unit's lead phrase inside its text, or null when it has none. */
function leadPhraseEnd(unit: TextUnit): number | null {
  if (unit.leadPhrase === null || unit.leadPhrase.trim() === '') return null;
  const lead = unit.leadPhrase.trim();
  const at = unit.text.indexOf(lead);
  if (at < 0) return null;
  let end = at + lead.length;
  while (end < unit.text.length && /[。！？!?\s]/.test(unit.text[end] ?? '')) end++;
  return end;
}

/** The measure governed by a clause starting at `at` (rule documented on {@link extractAssignments}). */
export function measureFor(unit: TextUnit, at: number): string {
  const own = sentenceAt(unit.text, at);
  const leadEnd = leadPhraseEnd(unit);
  if (leadEnd === null || unit.leadPhrase === null) return own.text;
  const lead = unit.leadPhrase.trim().replace(/[。！？!?]$/, '');
  if (at < leadEnd) return lead;
  const firstAfterLead = !/[。！？!?]/.test(unit.text.slice(leadEnd, own.start));
  const opensSentence = unit.text.slice(own.start, at).trim() === '';
  return firstAfterLead || opensSentence ? lead : own.text;
}

/** A dated measure in a paragraph that no assignment clause gives an owner. */
export type UnownedMeasure = {
  unitIndex: number;
  nodeId: string;
  /** The deadline as written, e.g. `2027年底前`. */
  dateText: string;
  /** The paragraph's lead phrase, or the dated sentence when there is none. */
  measure: string;
  /** Span of the dated sentence. */
  source: SourceSpan;
};

/** Deadlines, not baselines: `到2028年`, `2027年底前`, `2026年全面启动…`; `较2020年` does not match. */
const DEADLINE =
  /(?:到|至)20\d{2}年(?:底|末)?|20\d{2}年(?:底|末)?(?:前|以前|之前)|(?:确保|力争|争取)?20\d{2}年(?=(?:如期|全面|基本)?(?:实现|完成|建成|启动|达到|形成))/;

/** Which units {@link findUnownedMeasures} scans. */
export type UnownedMeasureOptions = {
  /** Defaults to units of chapters where at least one assignment clause occurs (the reform chapters). */
  include?: (unit: TextUnit, index: number) => boolean;
};

/**
 * Paragraphs that carry a dated measure but no assignment clause — candidates for the
 * `measure-without-owner` finding. By default only chapters that assign owners somewhere are scanned:
 * a plan that names lead departments in its reform chapters is expected to name them for every dated
 * reform measure there, while dated goals elsewhere (`到2030年，…`) are not missing an owner. One result
 * per unit, for its first deadline.
 */
export function findUnownedMeasures(
  units: readonly TextUnit[],
  assignments: readonly Assignment[],
  options: UnownedMeasureOptions = {},
): UnownedMeasure[] {
  const assigningChapters = new Set(assignments.map((a) => chapterOf(a.nodeId)));
  const include = options.include ?? ((unit: TextUnit) => assigningChapters.has(chapterOf(unit.nodeId)));
  const out: UnownedMeasure[] = [];
  units.forEach((unit, unitIndex) => {
    if (!include(unit, unitIndex)) return;
    const date = DEADLINE.exec(unit.text);
    if (date === null) return;
    const whole = unit.span(0, unit.text.length);
    const owned = assignments.some(
      (a) => a.nodeId === unit.nodeId && a.source.start >= whole.start && a.source.end <= whole.end,
    );
    if (owned) return;
    const sentence = sentenceAt(unit.text, date.index);
    const leadEnd = leadPhraseEnd(unit);
    const measure =
      leadEnd !== null && unit.leadPhrase !== null
        ? unit.leadPhrase.trim().replace(/[。！？!?]$/, '')
        : sentence.text;
    out.push({
      unitIndex,
      nodeId: unit.nodeId,
      dateText: date[0],
      measure,
      source: unit.span(sentence.start, sentence.end),
    });
  });
  return out;
}

/** Spans of the dated sentences {@link findUnownedMeasures} reports, as the audit consumes them. */
export function measuresWithoutOwner(
  units: readonly TextUnit[],
  assignments: readonly Assignment[],
  options: UnownedMeasureOptions = {},
): SourceSpan[] {
  return findUnownedMeasures(units, assignments, options).map((m) => m.source);
}

/** The chapter part of an outline node id: `p3.c5.s1` → `p3.c5`; ids without a chapter stay whole. */
export function chapterOf(nodeId: string): string {
  return /^(.*?(?:^|\.)c\d+(?:-\d+)?)(?:\.|$)/.exec(nodeId)?.[1] ?? nodeId;
}
